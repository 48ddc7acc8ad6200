package fr.traitant.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** The Traitant platform: one Spring Boot application made of feature modules (see ARCHITECTURE.md). */
@SpringBootApplication
@Modulithic(systemName = "Traitant", sharedModules = "platform")
public class TraitantApplication {

    public static void main(String[] args) {
        SpringApplication.run(TraitantApplication.class, args);
    }
}

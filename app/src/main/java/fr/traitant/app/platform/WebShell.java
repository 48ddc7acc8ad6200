package fr.traitant.app.platform;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes every page of the DSFR shell needs (map settings, synthetic-data banner). */
@ControllerAdvice
class WebShell {

    private final TraitantProperties properties;

    WebShell(TraitantProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("mapTileUrl")
    String mapTileUrl() {
        return properties.map().tileUrl();
    }

    @ModelAttribute("mapTileAttribution")
    String mapTileAttribution() {
        return properties.map().tileAttribution();
    }
}

package fr.traitant.engine;

import com.google.ortools.Loader;
import org.jspecify.annotations.Nullable;

/** OR-Tools' native library, loaded once for every solver of the engine; false when this platform cannot load it. */
public final class OrTools {

    private static volatile @Nullable Boolean available;

    private OrTools() {}

    public static boolean available() {
        Boolean a = available;
        if (a != null) return a;
        synchronized (OrTools.class) {
            if (available == null) {
                boolean ok;
                try {
                    Loader.loadNativeLibraries();
                    ok = true;
                } catch (Throwable t) {
                    ok = false;
                }
                available = ok;
            }
            return available;
        }
    }
}

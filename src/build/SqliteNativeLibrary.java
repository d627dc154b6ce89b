import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Build step (run by `./mvnw package`, see pom.xml): copies the SQLite driver's native library for this
 * machine out of target/app/sqlite-jdbc-*.jar into target/app/native/, where jvm.options points the
 * driver (-Dorg.sqlite.lib.path=$APPDIR/native).
 *
 * <p>Without it the driver finds its platform by starting `uname`, then writes the 1 MB library to the
 * temporary folder and loads it from there, at every start of the app: about 60 ms of each `list` or
 * window start on these machines (ADR 8's addendum), and a file left in /tmp by every killed run. When
 * the folder or the library is missing, the driver does what it did before, so a plain `java -jar`
 * still works.
 *
 * <p>Usage: {@code java src/build/SqliteNativeLibrary.java APP_DIR}
 */
public final class SqliteNativeLibrary {
    private SqliteNativeLibrary() {
    }

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]);
        Path jar = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(app, "sqlite-jdbc-*.jar")) {
            for (Path p : jars) {
                jar = p;
            }
        }
        if (jar == null) {
            throw new IllegalStateException("no sqlite-jdbc-*.jar in " + app);
        }
        String folder;
        try (URLClassLoader driver = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            // the driver's own answer for this machine (e.g. Linux/x86_64, Mac/aarch64, Windows/x86_64)
            folder = (String) Class.forName("org.sqlite.util.OSInfo", true, driver)
                    .getMethod("getNativeLibFolderPathForCurrentOS").invoke(null);
        }
        String name = System.mapLibraryName("sqlitejdbc").replace(".jnilib", ".dylib");
        Path out = app.resolve("native");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("org/sqlite/native/" + folder + "/" + name);
            if (entry == null) {
                System.out.println("[sqlite-native] " + jar.getFileName() + " has no library for " + folder
                        + ": the driver will extract one at each start, as without this step");
                return;
            }
            Files.createDirectories(out);
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot copy the SQLite native library out of " + jar + ": " + e.getMessage(), e);
        }
        System.out.println("[sqlite-native] " + out.resolve(name) + " (" + folder + ")");
    }
}

package io.github.harnessreactive.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, from the properties file Maven writes into the jar. */
final class LibraryVersion {

  private static final String VERSION = read();

  private LibraryVersion() {
  }

  /** The default {@code User-Agent}: the library, its version, and the Java runtime. */
  static String userAgent() {
    return "harness-reactive/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
  }

  private static String read() {
    try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

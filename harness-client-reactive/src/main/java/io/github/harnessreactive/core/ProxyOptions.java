package io.github.harnessreactive.core;

import java.util.Objects;

/**
 * An HTTP or SOCKS proxy between the client and Harness. Immutable; {@code toString()} hides the password.
 *
 * @param type HTTP or SOCKS5
 * @param host the proxy host
 * @param port the proxy port
 * @param username the proxy user, or {@code null} when the proxy needs none
 * @param password the proxy password, or {@code null}
 * @param nonProxyHosts a regular expression of hosts reached directly, or {@code null}
 */
public record ProxyOptions(Type type, String host, int port, String username, String password, String nonProxyHosts) {

  /** The proxy protocol. */
  public enum Type { HTTP, SOCKS5 }

  public ProxyOptions {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(host, "host");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("proxy port out of range: " + port);
    }
  }

  /** An HTTP proxy without authentication. */
  public static ProxyOptions http(String host, int port) {
    return new ProxyOptions(Type.HTTP, host, port, null, null, null);
  }

  /** The same proxy with credentials. */
  public ProxyOptions withCredentials(String username, String password) {
    return new ProxyOptions(type, host, port, username, password, nonProxyHosts);
  }

  /** The same proxy, bypassed for hosts matching the regular expression. */
  public ProxyOptions withNonProxyHosts(String regex) {
    return new ProxyOptions(type, host, port, username, password, regex);
  }

  @Override
  public String toString() {
    return "ProxyOptions[" + type + " " + host + ":" + port + (username == null ? "" : ", user=" + username + ", password=***")
        + (nonProxyHosts == null ? "" : ", nonProxyHosts=" + nonProxyHosts) + "]";
  }
}

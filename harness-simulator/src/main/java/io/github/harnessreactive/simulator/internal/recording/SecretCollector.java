package io.github.harnessreactive.simulator.internal.recording;

import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.harnessreactive.simulator.internal.CredentialHeaders;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns, from the requests a recording proxies, the values that must never reach a recorded file:
 * every credential header value and the token inside it (a PAT's or SAT's secret part too), and
 * the account ids requests name (the PAT's account, {@code Harness-Account},
 * {@code accountIdentifier}, {@code routingId}). Kept in memory only; requests pass unchanged.
 */
public final class SecretCollector implements StubRequestFilterV2 {

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private final Set<String> accounts = ConcurrentHashMap.newKeySet();

  @Override
  public String getName() {
    return "harness-recording-secrets";
  }

  @Override
  public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
    for (HttpHeader header : request.getHeaders().all()) {
      if (CredentialHeaders.isCredential(header.key())) {
        header.values().forEach(this::learnCredential);
      } else if (header.key().equalsIgnoreCase("Harness-Account")) {
        accounts.addAll(header.values());
      }
    }
    for (String name : new String[] {"accountIdentifier", "routingId", "account"}) {
      QueryParameter parameter = request.queryParameter(name);
      if (parameter.isPresent()) {
        accounts.addAll(parameter.values());
      }
    }
    return RequestFilterAction.continueWith(request);
  }

  private void learnCredential(String value) {
    String trimmed = value.trim();
    secrets.add(trimmed);
    String[] schemeAndToken = trimmed.split("\\s+", 2);
    String token = schemeAndToken.length == 2 ? schemeAndToken[1] : trimmed;
    secrets.add(token);
    String[] parts = token.split("\\.");
    if (parts.length == 4 && (parts[0].equals("pat") || parts[0].equals("sat"))) {
      accounts.add(parts[1]);
      secrets.add(parts[3]);
    }
  }

  /** The credential values seen so far. */
  public Set<String> secrets() {
    return Set.copyOf(secrets);
  }

  /** The account ids seen so far. */
  public Set<String> accounts() {
    return Set.copyOf(accounts);
  }
}

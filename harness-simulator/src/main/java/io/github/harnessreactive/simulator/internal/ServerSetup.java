package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.nio.file.Path;
import java.util.List;

/**
 * The WireMock settings the simulator and the recorder share: the address to listen on, the admin
 * API closed unless opened (every admin request answered 401), a journal without credentials, and
 * no stubs loaded from the working directory unless a directory is given.
 */
public final class ServerSetup {

  private ServerSetup() {
  }

  /**
   * A configuration with the shared settings.
   *
   * @param port the port, 0 for any
   * @param bindAddress the address to listen on
   * @param adminApi whether the admin API answers over HTTP
   * @param stubs a directory whose {@code mappings} folder holds stubs to load, or {@code null} for none
   * @return the configuration, for the caller to complete
   */
  public static WireMockConfiguration configuration(int port, String bindAddress, boolean adminApi, Path stubs) {
    WireMockConfiguration config = WireMockConfiguration.wireMockConfig().port(port).bindAddress(bindAddress);
    if (!adminApi) {
      config.adminAuthenticator(request -> false);
    }
    FileSource root;
    if (stubs == null) {
      root = new SingleRootFileSource(Path.of(System.getProperty("java.io.tmpdir")).toFile());
      config.fileSource(root).mappingSource(NO_STUBS);
    } else {
      root = new SingleRootFileSource(stubs.toFile());
      config.fileSource(root);
    }
    return config.withStores(new RedactingStores(root));
  }

  /** Loads no stubs and saves none. */
  private static final MappingsSource NO_STUBS = new MappingsSource() {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
    }

    @Override
    public void save(List<StubMapping> stubMappings) {
    }

    @Override
    public void save(StubMapping stubMapping) {
    }

    @Override
    @SuppressWarnings("removal") // WireMock still calls it
    public void remove(StubMapping stubMapping) {
    }

    @Override
    public void removeAll() {
    }
  };
}

package io.github.harnessreactive.simulator.internal;

import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.store.BlobStore;
import com.github.tomakehurst.wiremock.store.DefaultStores;
import com.github.tomakehurst.wiremock.store.ObjectStore;
import com.github.tomakehurst.wiremock.store.RecorderStateStore;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.store.ScenariosStore;
import com.github.tomakehurst.wiremock.store.SettingsStore;
import com.github.tomakehurst.wiremock.store.Stores;
import com.github.tomakehurst.wiremock.store.StubMappingStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * WireMock's stores, with a request journal that never keeps a credential: each request is stored
 * with its credential headers masked ({@link CredentialHeaders}), so neither the journal nor
 * anything built from it (verification, recordings) holds a key. The request itself, as answered
 * or proxied, is untouched.
 */
public final class RedactingStores implements Stores {

  private final Stores delegate;
  private final RequestJournalStore journal;

  public RedactingStores(FileSource root) {
    this.delegate = new DefaultStores(root);
    this.journal = new RedactingJournal(delegate.getRequestJournalStore());
  }

  @Override
  public StubMappingStore getStubStore() {
    return delegate.getStubStore();
  }

  @Override
  public RequestJournalStore getRequestJournalStore() {
    return journal;
  }

  @Override
  public SettingsStore getSettingsStore() {
    return delegate.getSettingsStore();
  }

  @Override
  public ScenariosStore getScenariosStore() {
    return delegate.getScenariosStore();
  }

  @Override
  public RecorderStateStore getRecorderStateStore() {
    return delegate.getRecorderStateStore();
  }

  @Override
  public BlobStore getBlobStore(String name) {
    return delegate.getBlobStore(name);
  }

  @Override
  public ObjectStore getObjectStore(String name, PersistenceType persistenceTypeHint, int maxSize) {
    return delegate.getObjectStore(name, persistenceTypeHint, maxSize);
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public void stop() {
    delegate.stop();
  }

  /** The journal store, masking credential headers on the way in. */
  private record RedactingJournal(RequestJournalStore store) implements RequestJournalStore {

    private static ServeEvent redact(ServeEvent event) {
      RequestWrapper.Builder masked = RequestWrapper.create();
      for (String header : event.getRequest().getAllHeaderKeys()) {
        if (CredentialHeaders.isCredential(header)) {
          masked.transformHeader(header, CredentialHeaders::mask);
        }
      }
      return event.replaceRequest(masked.wrap(event.getRequest()));
    }

    @Override
    public Stream<ServeEvent> getAll() {
      return store.getAll();
    }

    @Override
    public void add(ServeEvent event) {
      store.add(redact(event));
    }

    @Override
    public void removeLast() {
      store.removeLast();
    }

    @Override
    public Stream<UUID> getAllKeys() {
      return store.getAllKeys();
    }

    @Override
    public Optional<ServeEvent> get(UUID key) {
      return store.get(key);
    }

    @Override
    public void put(UUID key, ServeEvent event) {
      store.put(key, redact(event));
    }

    @Override
    public void remove(UUID key) {
      store.remove(key);
    }

    @Override
    public void clear() {
      store.clear();
    }
  }
}

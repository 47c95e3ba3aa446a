package io.github.harnessreactive.sei.v2;

import io.github.harnessreactive.core.HarnessApi;
import io.github.harnessreactive.core.HarnessClient;
import io.github.harnessreactive.core.exception.HarnessException;
import io.github.harnessreactive.core.exception.UnauthorizedException;
import io.github.harnessreactive.core.paging.PagedFlux;
import io.github.harnessreactive.generated.sei.v2.api.DevelopersApi;
import io.github.harnessreactive.generated.sei.v2.model.DeleteDevelopersRequestDTO;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperFieldMappingDTO;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperFilePreviewDTO;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperIdentity;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperSaveResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperSchemaDTO;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperUpsertResponseDTO;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperValidationErrorDTO;
import io.github.harnessreactive.generated.sei.v2.model.DeveloperVersionActivationDTO;
import io.github.harnessreactive.sei.DeveloperSetupRequiredException;
import io.github.harnessreactive.sei.SeiErrors;
import io.github.harnessreactive.sei.SeiPermissionException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Developer records ({@code /v2/developers}).
 *
 * <p>The first time, records arrive as a CSV file: {@link #initialUpload} returns a preview with a
 * version id, {@link #saveFieldMappings} tells SEI which columns mean what, {@link #activate} makes
 * the version live. From then on {@link #upsert} changes records by e-mail and {@link #delete}
 * removes them; before that SEI answers 412, raised as {@link DeveloperSetupRequiredException}.
 */
public final class Developers {

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Class<Map<String, String>> RECORD = (Class) Map.class;

  private final HarnessApi<DevelopersApi> api;
  private final JsonMapper mapper;

  Developers(HarnessClient client) {
    this.api = client.api(DevelopersApi.class);
    this.mapper = client.jsonMapper();
  }

  /** Uploads the first CSV of developer records; the preview carries the {@code versionId} of the next steps. */
  public Mono<DeveloperFilePreviewDTO> initialUpload(Path csv) {
    return api.call(a -> a.uploadDevelopersFile(csv.toFile(), "CSV")).onErrorMap(SeiErrors::developerRecords);
  }

  /** Says which CSV column is which developer field, for an uploaded version. */
  public Mono<DeveloperSaveResponseDTO> saveFieldMappings(int versionId, List<DeveloperFieldMappingDTO> mappings) {
    return api.call(a -> a.saveDeveloperFieldMappings(versionId, mappings)).onErrorMap(SeiErrors::developerRecords);
  }

  /** Makes an uploaded, mapped version the live one. */
  public Mono<Void> activate(int versionId) {
    return api.call(a -> a.activateDeveloperVersion(versionId, new DeveloperVersionActivationDTO().active(true)))
        .onErrorMap(SeiErrors::developerRecords);
  }

  /** Every developer record, streamed page by page (each a map of its fields). */
  public PagedFlux<Map<String, String>> list() {
    return api.paged("listDevelopers", RECORD, List.of(),
        (a, page) -> a.listDevelopersWithResponseSpec(null, null, null, null, null, null, page.index(), page.size()))
        .mapErrors(SeiErrors::developerRecords);
  }

  /** The developer fields SEI knows. */
  public Mono<DeveloperSchemaDTO> schema() {
    return api.call(DevelopersApi::getDeveloperSchema).onErrorMap(SeiErrors::developerRecords);
  }

  /** The identities (accounts in integrated tools) linked to developers. */
  public PagedFlux<DeveloperIdentity> identities() {
    return api.paged("listDeveloperIdentities", DeveloperIdentity.class, List.of(),
        (a, page) -> a.listDeveloperIdentitiesWithResponseSpec(null, null, null, null, page.index(), page.size()))
        .mapErrors(SeiErrors::developerRecords);
  }

  /** {@link #upsert(Flux, UpsertOptions)} with {@link UpsertOptions#defaults()}. */
  public Flux<UpsertBatchResult> upsert(Flux<Map<String, String>> developers) {
    return upsert(developers, UpsertOptions.defaults());
  }

  /**
   * Creates or updates developer records (keyed by e-mail) from a stream of any length, with
   * backpressure: records are pulled only as batches are sent, one request at a time, each paced
   * by the credential's rate limiter and retried by the retry policy (an upsert by e-mail is safe
   * to repeat). One result per batch, in order; nothing is dropped: every record appears in exactly
   * one result. A batch that fails (an error from SEI, a proxy's page answered instead) reports its
   * records and the error; the stream goes on. Failures that no later batch can escape end the
   * stream instead, with an {@link UpsertAbortedException} that names the batch and carries the
   * records read and not saved, and whose cause says why: a missing initial upload
   * ({@link DeveloperSetupRequiredException}), a key without permission ({@link SeiPermissionException}),
   * an invalid credential, or an error that is not Harness's.
   *
   * <p>A batch repeated after a timeout may reach SEI while its first attempt is still being
   * processed, so it can be applied after the next batch: give each e-mail once per upload, or the
   * value of an earlier batch may win.
   */
  public Flux<UpsertBatchResult> upsert(Flux<Map<String, String>> developers, UpsertOptions options) {
    return Flux.defer(() -> {
      DeveloperBatches.Batcher batcher = new DeveloperBatches.Batcher(options, mapper);
      return DeveloperBatches.of(developers, batcher).concatMap(batch -> {
        batcher.sending(batch);
        return api.call(a -> a.upsertDevelopers(batch.records()))
            .onErrorMap(SeiErrors::developerRecords)
            .map(response -> result(batch, response))
            .onErrorResume(e -> e instanceof HarnessException failure && !isFatal(failure),
                e -> Mono.just(new UpsertBatchResult(batch.index(), batch.records(), batch.characters(),
                    UpsertBatchResult.Outcome.FAILED, List.of(), (HarnessException) e)))
            .onErrorMap(e -> new UpsertAbortedException(batch.index(), batch.records(), batcher.unsent(), e));
      }, 0);
    });
  }

  /**
   * Deletes developer records by e-mail; a reported failure makes an incomplete result, not an
   * error. A delete repeated after a timeout (it is safe to repeat) reports the records its first
   * attempt deleted among its failures.
   */
  public Mono<DeleteDevelopersResult> delete(List<String> emails) {
    return api.call(a -> a.deleteDevelopers(new DeleteDevelopersRequestDTO().emails(emails)))
        .onErrorMap(SeiErrors::developerRecords)
        .map(response -> new DeleteDevelopersResult(emails, !rejected(response), groups(response)));
  }

  private static boolean isFatal(HarnessException failure) {
    return failure instanceof DeveloperSetupRequiredException || failure instanceof SeiPermissionException
        || failure instanceof UnauthorizedException;
  }

  private static UpsertBatchResult result(DeveloperBatches.Batch batch, DeveloperUpsertResponseDTO response) {
    return new UpsertBatchResult(batch.index(), batch.records(), batch.characters(),
        rejected(response) ? UpsertBatchResult.Outcome.REJECTED : UpsertBatchResult.Outcome.SAVED, groups(response), null);
  }

  private static boolean rejected(DeveloperUpsertResponseDTO response) {
    return response.getStatus() == DeveloperUpsertResponseDTO.StatusEnum.FAILURE
        || (response.getErrors() != null && !response.getErrors().isEmpty());
  }

  private static List<UpsertBatchResult.ErrorGroup> groups(DeveloperUpsertResponseDTO response) {
    List<DeveloperValidationErrorDTO> errors = response.getErrors() == null ? List.of() : response.getErrors();
    return errors.stream().map(e -> new UpsertBatchResult.ErrorGroup(
        e.getErrorType() == null ? null : e.getErrorType().getValue(), e.getFieldName(), e.getMessage(),
        e.getErrorDeveloperCount(),
        e.getSampleErrorDevelopers() == null ? List.of() : e.getSampleErrorDevelopers(),
        e.getInvalidEmails() == null ? List.of() : e.getInvalidEmails())).toList();
  }
}

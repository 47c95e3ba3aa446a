package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.paging.PaginationException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * One page whose items go out as they arrive, over however many attempts its call takes: each item
 * is judged as it is decoded, then released downstream, unless an earlier attempt already released
 * it. An attempt after a failure skips the first k items, k being how many went out, after checking
 * that its k-th item is the record that went out k-th (by the operation's item identity); when it
 * is not, or items have no identity to compare, the listing ends with {@link PaginationException}
 * rather than deliver an item twice or skip one unseen. Attempts are serial (retries follow
 * failures); within an attempt, items are decoded on the body's thread and counted as they go
 * downstream, one at a time.
 *
 * @param <T> the item type
 */
final class EarlyPage<T> {

  private final PageJudge judge;
  private final ListingPosition at;
  private final String operationId;
  private volatile long delivered;
  private volatile Object lastIdentity;

  EarlyPage(PageJudge judge, ListingPosition at, String operationId) {
    this.judge = judge;
    this.at = at;
    this.operationId = operationId;
  }

  /** How many of the page's items went out, over all attempts. */
  long delivered() {
    return delivered;
  }

  /** A new attempt at the page, which will skip what earlier attempts delivered. */
  Attempt attempt() {
    return new Attempt();
  }

  /** One attempt: fed the items its reader decodes, handing over those to release. */
  final class Attempt {
    private final PageJudge.Judgement judgement = judge.start(at);
    private final long skip = delivered;
    private List<Released<T>> releasable = new ArrayList<>();

    /** An item of this attempt's body, complete. Called by the reader, one item at a time. */
    void decoded(T item) {
      long ordinal = judgement.items();
      judgement.item(item);
      if (ordinal + 1 < skip) {
        return;
      }
      if (ordinal + 1 == skip) {
        Object identity = judgement.lastIdentity();
        if (identity == null || !identity.equals(lastIdentity)) {
          throw new PaginationException(operationId, at.nextIndex(), "the page failed after " + skip
              + " of its items went out, and its retry " + (identity == null
                  ? "cannot be matched with them (the operation's items have no identity)"
                  : "does not have the same item at that place (the list changed)")
              + ": continuing would skip or repeat items; list again");
        }
        return;
      }
      releasable.add(new Released<>(item, judgement.lastIdentity()));
    }

    /** The items decoded since the last call, to go downstream now; each counts once {@link #wentOut}. */
    List<Released<T>> releasable() {
      List<Released<T>> items = releasable;
      releasable = new ArrayList<>();
      return items;
    }

    /**
     * A released item has gone downstream: only now does it count as delivered, so an item decoded
     * but dropped by a failure before it went out is delivered by the retry, not skipped.
     */
    void wentOut(Released<T> item) {
      delivered++;
      lastIdentity = item.identity();
    }

    /**
     * Judges the page's end.
     *
     * @throws PaginationException when the page contradicts the listing, or came back with fewer
     *     items than had already gone out
     */
    PageJudge.Verdict end(PageLayout.Content<T> content, HttpHeaders headers, boolean strictTotal) {
      if (judgement.items() < skip) {
        throw new PaginationException(operationId, at.nextIndex(), "the page failed after " + skip + " of its items"
            + " went out, and its retry has only " + judgement.items() + ": the list changed; list again");
      }
      return judgement.end(content.itemsFound(), content.fields(), headers, strictTotal);
    }
  }

  /** An item released to go downstream, with its identity as the page's judgement read it. */
  record Released<T>(T item, Object identity) {
  }

  @Override
  public String toString() {
    return "EarlyPage[" + operationId + " page " + at.nextIndex() + ", delivered " + delivered + "]";
  }
}

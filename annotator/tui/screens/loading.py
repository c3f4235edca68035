"""Opening an article: load and clean it in a worker, register it with the store, then analyse
and suggest in a second worker (Kiwi child process or the cache). Workers only post messages;
the handlers here run on the app's thread and are the only ones to call the store.

Once the open article is analysed, the articles the analyst is likely to open next (the next one,
and the next not yet done) are analysed in the background and cached, so moving on does not wait
for Kiwi.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.css.query import NoMatches
from textual.message import Message
from textual.worker import get_current_worker

from annotator.tui.widgets.article_view import ArticleView
from annotator.tui.widgets.top_bar import TopBar
from annotator.tui.workspace import FAILED, ArticleState


class ArticleLoaded(Message):
    def __init__(self, doc_id: str, article: Any, error: Exception | None) -> None:
        super().__init__()
        self.doc_id, self.article, self.error = doc_id, article, error


class ArticleAnalysed(Message):
    """Analysis (from Kiwi or the cache) and, if the article had none yet, its suggestions."""

    def __init__(self, doc_id: str, key: str, analysis: Any, suggestions: tuple | None,
                 from_cache: bool, error: Exception | None) -> None:
        super().__init__()
        self.doc_id, self.key, self.analysis, self.suggestions = doc_id, key, analysis, suggestions
        self.from_cache, self.error = from_cache, error


class Prefetched(Message):
    """A likely next article, cleaned (`analysis` None: check the cache) or analysed (to be cached)."""

    def __init__(self, doc_id: str, article: Any, key: str, analysis: Any = None) -> None:
        super().__init__()
        self.doc_id, self.article, self.key, self.analysis = doc_id, article, key, analysis


class ArticleLoading:
    """MainScreen's part that opens articles (a mixin: `self` is the MainScreen)."""

    # -- opening an article ------------------------------------------------------------------

    def open_doc(self, doc_id: str) -> None:
        self._opening = doc_id
        self._set_mode("review")
        self._load(doc_id)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, doc_id: str) -> None:
        try:
            self.post_message(ArticleLoaded(doc_id, self.ws.load(doc_id), None))
        except Exception as exc:  # an unreadable file: say so, keep the app
            self.post_message(ArticleLoaded(doc_id, None, exc))

    def on_article_loaded(self, msg: ArticleLoaded) -> None:
        if msg.doc_id != self._opening:
            return
        if msg.error is not None:
            self._error(msg.error)
            return
        article, store = msg.article, self.ws.store
        if store.read_only:  # browsing a store we cannot write: show what it holds
            status = store.status(msg.doc_id)
        else:
            status = self._call(store.ensure_article, msg.doc_id, article.sha256, article.text,
                                meta=article.meta.model_dump(), source=article.source)
        if status is FAILED:
            return
        if status == "source_changed":
            self.notify("The source of this article changed since it was labelled; check the flagged spans.",
                        severity="warning", markup=False)
        self._call(store.set_position, msg.doc_id)
        self.state = ArticleState(msg.doc_id, self.ws.index_of(msg.doc_id), article, status)
        self._done = self.ws.done_count()
        self.focus_id = None
        self.matches, self.match = [], None
        self._reread()
        self.query_one(ArticleView).set_text(article.text)
        self._focus(self._first_pending() or next(iter(self._items()), None))
        self._refresh()
        key = self.ws.cache_key(article)
        cached = self._call(store.cache_get, key)
        suggest = not store.has_suggestions(msg.doc_id)
        self._analysing = msg.doc_id
        self._update_busy()
        self._analyse(msg.doc_id, article, key, cached if isinstance(cached, bytes) else None, suggest)

    @work(thread=True, exclusive=True, group="analyse", exit_on_error=False)
    def _analyse(self, doc_id: str, article: Any, key: str, cached: bytes | None, suggest: bool) -> None:
        from annotator.analysis import Analysis

        analysis, from_cache = None, False
        try:
            # what analysts decided so far, read here: on a store of many labelled articles the
            # counting takes a few hundred milliseconds, which the screen should not wait for
            lexicon = self.ws.store.lexicon() if suggest else None
            if cached is not None:
                try:
                    analysis, from_cache = Analysis.from_bytes(cached), True
                except ValueError:  # made by another engine version: analyse again
                    analysis = None
            if analysis is None:
                analysis = self.app.analyser().analyze(article.text)
            suggestions = self.ws.suggest_for(article, analysis, lexicon) if lexicon is not None else None
        except Exception as exc:
            self.post_message(ArticleAnalysed(doc_id, key, analysis, None, from_cache, exc))
            return
        self.post_message(ArticleAnalysed(doc_id, key, analysis, suggestions, from_cache, None))

    def on_article_analysed(self, msg: ArticleAnalysed) -> None:
        store = self.ws.store
        if msg.analysis is not None and not msg.from_cache:
            self._call(store.cache_put, msg.key, msg.analysis.to_bytes())
        if msg.suggestions is not None and not store.read_only and not store.has_suggestions(msg.doc_id):
            self._call(store.add_suggestions, msg.doc_id, *msg.suggestions)
        if msg.doc_id == self._analysing:
            self._analysing = None
            self._update_busy()
        if msg.error is not None:
            self._error(msg.error, "analysis failed: ")
        if self.state is None or msg.doc_id != self.state.doc_id:
            return
        if msg.analysis is not None:
            self.state.set_analysis(msg.analysis)
        self._reread()
        if self.focus_id is None:
            self._focus(self._first_pending())
        self._refresh()
        if msg.error is None and not store.read_only:  # (a store that cannot keep the cache gains nothing)
            self._prefetch(self._likely_next(msg.doc_id))

    # -- analysing ahead -----------------------------------------------------------------------

    def _likely_next(self, doc_id: str) -> list[str]:
        """What `.` (next) and `d` (done) would open from `doc_id`, without repeats."""
        ids = self.ws.ids
        i = ids.index(doc_id) if doc_id in ids else -1
        out = [ids[i + 1]] if 0 <= i < len(ids) - 1 else []
        later = self._call(self.ws.next_not_done, doc_id)
        if isinstance(later, str) and later not in out:
            out.append(later)
        return [d for d in out if d != doc_id]

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def _prefetch(self, doc_ids: list[str]) -> None:
        worker = get_current_worker()
        for doc_id in doc_ids:
            if worker.is_cancelled:  # the analyst moved on again: a newer prefetch replaces this one
                return
            try:
                article = self.ws.load(doc_id)
            except Exception:  # unreadable: opening it will say so
                continue
            self.post_message(Prefetched(doc_id, article, self.ws.cache_key(article)))

    def on_prefetched(self, msg: Prefetched) -> None:
        store = self.ws.store
        if msg.analysis is not None:
            self._call(store.cache_put, msg.key, msg.analysis.to_bytes())
        elif not isinstance(self._call(store.cache_get, msg.key), bytes):
            self._analyse_ahead(msg.doc_id, msg.article, msg.key)

    @work(thread=True, group="prefetch-analyse", exit_on_error=False)
    def _analyse_ahead(self, doc_id: str, article: Any, key: str) -> None:
        try:
            analysis = self.app.analyser().analyze(article.text)
        except Exception:  # Kiwi failed: opening the article will report it
            return
        self.post_message(Prefetched(doc_id, article, key, analysis))

    def _update_busy(self) -> None:
        try:
            self.query_one(TopBar).busy = self.app.busy_text(self._analysing is not None)
        except NoMatches:  # the screen is being torn down
            pass

/* The rules behind the reader's review, with no page and no storage: pure functions.

   The spaced-repetition rule (documented on the review page, chapters/review.md):
   - a question answered RIGHT waits an interval before it is due again: 1 day after its
     first right answer, then twice the previous interval after each further right answer
     in a row (1, 2, 4, 8 ... days);
   - a question answered WRONG is due again at once, at the head of the queue, and its
     interval starts again from 1 day at its next right answer.
   The queue puts due questions first (wrongly answered ones before rightly answered ones,
   then the longest overdue first), then questions never answered (in book order), then
   questions not yet due (soonest first).

   Also here: reading a typed number, checking it against an answer with a tolerance, and
   counting progress. The browser loads this file as window.ReviewCore; node's test runner
   loads it as a module (tests/ext/review-core.test.js). */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.ReviewCore = factory();
  }
})(this, function () {
  "use strict";

  var DAY_MS = 24 * 60 * 60 * 1000;
  var FIRST_INTERVAL_DAYS = 1;
  var STATES = { due: 0, "new": 1, later: 2 };

  function emptyStore() {
    return { version: 1, answers: {} };
  }

  function isRecord(value) {
    return value !== null && typeof value === "object" &&
      typeof value.attempts === "number" && value.attempts >= 1 &&
      typeof value.rightCount === "number" && value.rightCount >= 0 &&
      typeof value.lastCorrect === "boolean" &&
      typeof value.lastAnswered === "number" && isFinite(value.lastAnswered) &&
      typeof value.intervalDays === "number" && value.intervalDays >= 0 &&
      typeof value.due === "number" && isFinite(value.due);
  }

  /* A store read back from localStorage: anything malformed is dropped, never trusted. */
  function sanitize(raw) {
    var store = emptyStore();
    if (raw === null || typeof raw !== "object" || raw.version !== 1 ||
        raw.answers === null || typeof raw.answers !== "object") {
      return store;
    }
    Object.keys(raw.answers).forEach(function (id) {
      if (isRecord(raw.answers[id])) store.answers[id] = raw.answers[id];
    });
    return store;
  }

  /* The next state of one question after an answer at time `now` (milliseconds). */
  function schedule(previous, correct, now) {
    if (typeof correct !== "boolean") throw new TypeError("correct must be true or false");
    if (typeof now !== "number" || !isFinite(now)) throw new TypeError("now must be a time in milliseconds");
    var before = isRecord(previous) ? previous : null;
    var interval = 0;
    if (correct) {
      interval = before && before.lastCorrect && before.intervalDays > 0 ?
        before.intervalDays * 2 : FIRST_INTERVAL_DAYS;
    }
    return {
      attempts: (before ? before.attempts : 0) + 1,
      rightCount: (before ? before.rightCount : 0) + (correct ? 1 : 0),
      lastCorrect: correct,
      lastAnswered: now,
      intervalDays: interval,
      due: now + interval * DAY_MS
    };
  }

  /* A new store with one answer recorded (the old store is left as it was). */
  function record(store, id, correct, now) {
    if (typeof id !== "string" || !id) throw new TypeError("id must be a question's identity");
    var next = emptyStore();
    var answers = sanitize(store).answers;
    Object.keys(answers).forEach(function (key) { next.answers[key] = answers[key]; });
    next.answers[id] = schedule(answers[id], correct, now);
    return next;
  }

  function stateOf(entry, now) {
    if (!entry) return "new";
    return entry.due <= now ? "due" : "later";
  }

  /* The questions `ids` (in book order) in the order the review page shows them. */
  function queue(ids, store, now) {
    var answers = sanitize(store).answers;
    var items = ids.map(function (id, position) {
      var entry = answers[id] || null;
      return { id: id, position: position, state: stateOf(entry, now), record: entry };
    });
    items.sort(function (a, b) {
      if (STATES[a.state] !== STATES[b.state]) return STATES[a.state] - STATES[b.state];
      if (a.state === "due" && a.record.lastCorrect !== b.record.lastCorrect) {
        return a.record.lastCorrect ? 1 : -1;
      }
      if (a.state !== "new" && a.record.due !== b.record.due) return a.record.due - b.record.due;
      return a.position - b.position;
    });
    return items;
  }

  /* How far the reader is with the questions `ids`: answered at least once, and right at
     the last answer. */
  function progress(ids, store) {
    var answers = sanitize(store).answers;
    var answered = 0;
    var right = 0;
    ids.forEach(function (id) {
      if (answers[id]) {
        answered += 1;
        if (answers[id].lastCorrect) right += 1;
      }
    });
    return { total: ids.length, answered: answered, right: right };
  }

  /* A typed number: digits with an optional sign, one decimal point or comma, and an
     optional % sign; spaces are ignored. NaN for anything else. */
  function parseNumber(text) {
    if (typeof text !== "string") return NaN;
    var cleaned = text.replace(/\s+/g, "").replace(/%$/, "");
    if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(cleaned)) return NaN;
    return parseFloat(cleaned.replace(",", "."));
  }

  /* Right when the value is within the tolerance of the answer (a rounding margin of one
     part in a billion absorbs floating-point error). */
  function isNumericCorrect(value, answer, tolerance) {
    if (!isFinite(value) || !isFinite(answer) || !(tolerance >= 0)) return false;
    return Math.abs(value - answer) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer));
  }

  return {
    DAY_MS: DAY_MS,
    FIRST_INTERVAL_DAYS: FIRST_INTERVAL_DAYS,
    emptyStore: emptyStore,
    sanitize: sanitize,
    schedule: schedule,
    record: record,
    queue: queue,
    progress: progress,
    parseNumber: parseNumber,
    isNumericCorrect: isNumericCorrect
  };
});

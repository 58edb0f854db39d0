// The review's rules (assets/js/review-core.js) under node's built-in test runner; run from
// tests/ext/test_review_core.py. Times are fixed numbers, not the clock.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const core = require("../../assets/js/review-core.js");

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

test("a first right answer rests for one day", () => {
  const entry = core.schedule(null, true, T0);
  assert.equal(entry.intervalDays, 1);
  assert.equal(entry.due, T0 + DAY);
  assert.deepEqual([entry.attempts, entry.rightCount, entry.lastCorrect], [1, 1, true]);
});

test("each further right answer in a row doubles the rest", () => {
  let entry = null;
  const intervals = [];
  for (let day = 0; day < 5; day += 1) {
    entry = core.schedule(entry, true, T0 + day * DAY);
    intervals.push(entry.intervalDays);
  }
  assert.deepEqual(intervals, [1, 2, 4, 8, 16]);
  assert.equal(entry.due, T0 + 4 * DAY + 16 * DAY);
});

test("a wrong answer is due at once and the rest starts again from one day", () => {
  let entry = core.schedule(null, true, T0);
  entry = core.schedule(entry, true, T0 + DAY);
  entry = core.schedule(entry, false, T0 + 3 * DAY);
  assert.deepEqual([entry.intervalDays, entry.due, entry.lastCorrect, entry.attempts, entry.rightCount],
    [0, T0 + 3 * DAY, false, 3, 2]);
  entry = core.schedule(entry, true, T0 + 4 * DAY);
  assert.equal(entry.intervalDays, 1);
});

test("schedule refuses a verdict that is not true or false, and a bad time", () => {
  assert.throws(() => core.schedule(null, "yes", T0), /correct must be true or false/);
  assert.throws(() => core.schedule(null, true, NaN), /now must be a time/);
});

test("record returns a new store and leaves the old one as it was", () => {
  const empty = core.emptyStore();
  const one = core.record(empty, "a#q1", true, T0);
  assert.deepEqual(Object.keys(empty.answers), []);
  assert.deepEqual(Object.keys(one.answers), ["a#q1"]);
  const two = core.record(one, "a#q2", false, T0);
  assert.deepEqual(Object.keys(two.answers).sort(), ["a#q1", "a#q2"]);
  assert.throws(() => core.record(two, "", true, T0), /identity/);
});

test("the queue puts a wrong answer before a right one, then new questions, then resting ones", () => {
  const ids = ["right-due", "never", "wrong", "resting", "never-2"];
  let store = core.emptyStore();
  store = core.record(store, "right-due", true, T0);           // due at T0 + 1 day
  store = core.record(store, "resting", true, T0 + 2 * DAY);   // due at T0 + 3 days
  store = core.record(store, "wrong", false, T0 + 2 * DAY);    // due at once
  const order = core.queue(ids, store, T0 + 2 * DAY + 1);
  assert.deepEqual(order.map((item) => item.id), ["wrong", "right-due", "never", "never-2", "resting"]);
  assert.deepEqual(order.map((item) => item.state), ["due", "due", "new", "new", "later"]);
});

test("among due questions of the same verdict, the longest overdue comes first", () => {
  let store = core.emptyStore();
  store = core.record(store, "late", false, T0);
  store = core.record(store, "later", false, T0 + DAY);
  assert.deepEqual(core.queue(["later", "late"], store, T0 + 2 * DAY).map((item) => item.id), ["late", "later"]);
});

test("progress counts answered questions and those right at the last answer", () => {
  let store = core.emptyStore();
  store = core.record(store, "a", true, T0);
  store = core.record(store, "b", false, T0);
  store = core.record(store, "b", true, T0 + DAY);
  store = core.record(store, "other-page", true, T0);
  assert.deepEqual(core.progress(["a", "b", "c"], store), { total: 3, answered: 2, right: 2 });
});

test("a malformed store is cleaned, not trusted", () => {
  assert.deepEqual(core.sanitize(null), core.emptyStore());
  assert.deepEqual(core.sanitize({ version: 2, answers: {} }), core.emptyStore());
  const good = core.schedule(null, true, T0);
  const cleaned = core.sanitize({ version: 1, answers: { ok: good, bad: { attempts: "x" }, worse: null } });
  assert.deepEqual(Object.keys(cleaned.answers), ["ok"]);
});

test("typed numbers: decimal point or comma, a trailing %, spaces; anything else is not a number", () => {
  assert.equal(core.parseNumber("28"), 28);
  assert.equal(core.parseNumber(" 66,7 "), 66.7);
  assert.equal(core.parseNumber("91.7%"), 91.7);
  assert.equal(core.parseNumber("-0.5"), -0.5);
  assert.equal(core.parseNumber(".5"), 0.5);
  for (const text of ["", "abc", "1.2.3", "12 patients", "1e3", null]) {
    assert.ok(Number.isNaN(core.parseNumber(text)), String(text));
  }
});

test("a number counts as right within its tolerance, and only there", () => {
  assert.ok(core.isNumericCorrect(28, 28, 0));
  assert.ok(core.isNumericCorrect(27, 28, 1));
  assert.ok(core.isNumericCorrect(0.1 + 0.2, 0.3, 0));
  assert.ok(!core.isNumericCorrect(26.9, 28, 1));
  assert.ok(!core.isNumericCorrect(29, 28, 0));
  assert.ok(!core.isNumericCorrect(NaN, 28, 1));
  assert.ok(!core.isNumericCorrect(28, 28, -1));
});

/*
 * The C interface's test: compiled against srok.h and linked with libSrokC.so by
 * Tests/SrokCABITests (plainly, under AddressSanitizer + LeakSanitizer, and with
 * -DSROK_COUNT_ALLOCATIONS, which counts every malloc of the process to show that the fast path
 * allocates nothing). Run: test_srok <path of bindings/c/testdata>.
 *
 * Expected dates are worked out by hand in the comments from the rule (30 calendar days counted
 * from the day after registration, ГК РФ ст. 191; a last day that is not a working day moves to the
 * preceding working day, the ПОС rule of the federal profile) and the federal calendar data in
 * Data/calendars/RU-2013-2027.srokcal and RU-statute.srokcal (cited per case). Expected instants
 * are computed here from the civil date by days_from_civil, independently of Srok.
 */
#define _GNU_SOURCE
#include "srok.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);               \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

#define CHECK_EQ(a, b)                                                                             \
    do {                                                                                           \
        long long a_ = (long long)(a), b_ = (long long)(b);                                        \
        if (a_ != b_) {                                                                            \
            fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, #a, a_, \
                    #b, b_);                                                                       \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

#ifdef SROK_COUNT_ALLOCATIONS
/* Every allocation of the process (the library and the Swift runtime included) goes through these
 * definitions, which count and forward to glibc's own allocator. */
#include <errno.h>
#include <stdatomic.h>
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);
static atomic_long allocations;
void *malloc(size_t n) { atomic_fetch_add(&allocations, 1); return __libc_malloc(n); }
void *calloc(size_t n, size_t m) { atomic_fetch_add(&allocations, 1); return __libc_calloc(n, m); }
void *realloc(void *p, size_t n) { atomic_fetch_add(&allocations, 1); return __libc_realloc(p, n); }
void *memalign(size_t a, size_t n) { atomic_fetch_add(&allocations, 1); return __libc_memalign(a, n); }
void *aligned_alloc(size_t a, size_t n) { atomic_fetch_add(&allocations, 1); return __libc_memalign(a, n); }
int posix_memalign(void **out, size_t a, size_t n) {
    atomic_fetch_add(&allocations, 1);
    void *p = __libc_memalign(a, n);
    if (!p) return ENOMEM;
    *out = p;
    return 0;
}
void free(void *p) { __libc_free(p); }
#endif

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
static long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

/* Seconds since the epoch of a local time at a UTC offset in hours. */
static long long at(int y, int mo, int d, int h, int mi, int s, int offset_hours) {
    return days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s - offset_hours * 3600;
}

static void check_date(srok_date got, int y, int m, int d, int line) {
    if (got.year != y || got.month != m || got.day != d || got.days != days_from_civil(y, (unsigned)m, (unsigned)d)) {
        fprintf(stderr, "%s:%d: date %04d-%02d-%02d (%d days), expected %04d-%02d-%02d\n", __FILE__, line, got.year,
                got.month, got.day, got.days, y, m, d);
        failures++;
    }
}
#define CHECK_DATE(got, y, m, d) check_date(got, y, m, d, __LINE__)

static srok_due_result due_of(const srok_context *ctx, const char *registered) {
    srok_request req = {0};
    req.registered_at_text = registered;
    srok_due_result r;
    srok_error err;
    srok_code code = srok_due(ctx, &req, &r, &err);
    if (code != SROK_OK) {
        fprintf(stderr, "srok_due(%s) failed: %d %s: %s\n", registered, code, err.field, err.message);
        failures++;
    }
    return r;
}

static void test_version(void) {
    CHECK(strcmp(srok_version(), "0.1.0") == 0);
    CHECK_EQ(srok_abi_version(), SROK_ABI_VERSION);
}

/* The worked cases of the federal profile (30 calendar days, roll preceding, Europe/Moscow). */
static void test_due_dates(const srok_context *ctx) {
    /* Registered Thursday 28.03.2024 10:00 MSK: day 30 after it is Saturday 27.04.2024, a working
     * Saturday (transfer 2024-04-27 → 2024-04-29, Пост. Правительства РФ от 10.08.2023 № 1314), so
     * the term ends that day at 23:59:59 MSK with no roll. */
    srok_due_result r = due_of(ctx, "2024-03-28T10:00:00+03:00");
    CHECK_DATE(r.due_date, 2024, 4, 27);
    CHECK_EQ(r.due, at(2024, 4, 27, 23, 59, 59, 3));
    CHECK_EQ(r.roll, SROK_ROLL_NONE);
    CHECK_EQ(r.registered, at(2024, 3, 28, 10, 0, 0, 3));
    CHECK_EQ(r.due_utc_offset, 3 * 3600);
    CHECK_EQ(r.term_amount, 30);
    CHECK_EQ(r.term_unit, SROK_TERM_CALENDAR_DAYS);
    CHECK_EQ(r.regime, SROK_REGIME_MESSAGE);
    CHECK_EQ(r.provisional, 0);
    /* Stage plan, basis clock24: 30 × 1440 = 43 200 minutes shared 5/5/65/15/10 %: budgets 2160,
     * 2160, 28 080, 6480, 4320 minutes; planned due times at the cumulative 5/10/75/90 % = 36 h,
     * 72 h, 540 h (22 d 12 h), 648 h (27 d) after registration; the last stage ends with the term. */
    CHECK_EQ(r.stages[SROK_STAGE_MODERATION].budget_minutes, 2160);
    CHECK_EQ(r.stages[SROK_STAGE_COORDINATION].budget_minutes, 2160);
    CHECK_EQ(r.stages[SROK_STAGE_EXECUTION].budget_minutes, 28080);
    CHECK_EQ(r.stages[SROK_STAGE_APPROVAL].budget_minutes, 6480);
    CHECK_EQ(r.stages[SROK_STAGE_FINAL_APPROVAL].budget_minutes, 4320);
    CHECK_EQ(r.stages[SROK_STAGE_MODERATION].due, at(2024, 3, 29, 22, 0, 0, 3));
    CHECK_EQ(r.stages[SROK_STAGE_COORDINATION].due, at(2024, 3, 31, 10, 0, 0, 3));
    CHECK_EQ(r.stages[SROK_STAGE_EXECUTION].due, at(2024, 4, 19, 22, 0, 0, 3));
    CHECK_EQ(r.stages[SROK_STAGE_APPROVAL].due, at(2024, 4, 24, 10, 0, 0, 3));
    CHECK_EQ(r.stages[SROK_STAGE_FINAL_APPROVAL].due, r.due);

    /* Registered Saturday 30.03.2024: day 30 is Monday 29.04.2024, a day off by the same transfer;
     * Sunday 28.04 is off; Saturday 27.04 is the worked Saturday: rolled back two days. */
    r = due_of(ctx, "2024-03-30T10:15+03:00");
    CHECK_DATE(r.due_date, 2024, 4, 27);
    CHECK_DATE(r.unrolled_date, 2024, 4, 29);
    CHECK_EQ(r.roll, SROK_ROLL_ROLLED);
    CHECK_EQ(r.due, at(2024, 4, 27, 23, 59, 59, 3));

    /* Registered 12.04.2024: day 30 is Sunday 12.05.2024; Saturday 11.05 is off; Friday 10.05 is
     * off (transfer 2024-01-06 → 2024-05-10, № 1314); Thursday 09.05 is День Победы (ТК РФ ст. 112,
     * RU-statute.srokcal `holiday 05-09`); Wednesday 08.05.2024 is a (shortened) working day. */
    r = due_of(ctx, "12.04.2024 09:00");
    CHECK_DATE(r.due_date, 2024, 5, 8);
    CHECK_DATE(r.unrolled_date, 2024, 5, 12);

    /* Registered 05.12.2024: day 30 is Saturday 04.01.2025, a New Year holiday (ст. 112: 1–6 and
     * 8 January, 7 January Christmas); back through 03, 02, 01.01.2025 (holidays), Tuesday
     * 31.12.2024 (off: transfer 2024-01-07 → 2024-12-31), Monday 30.12.2024 (off: transfer
     * 2024-12-28 → 2024-12-30), Sunday 29.12, to Saturday 28.12.2024, worked by that transfer. */
    r = due_of(ctx, "2024-12-05");
    CHECK_DATE(r.due_date, 2024, 12, 28);
    CHECK_DATE(r.unrolled_date, 2025, 1, 4);

    /* The zone decides the day: 28.03.2024 23:30 UTC is 29.03 02:30 in Moscow, so day 30 is Sunday
     * 28.04.2024 (off) and the term ends on the worked Saturday 27.04. Given as epoch seconds. */
    srok_request req = {0};
    req.registered_at = at(2024, 3, 28, 23, 30, 0, 0);
    srok_error err;
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
    CHECK_DATE(r.due_date, 2024, 4, 27);
    CHECK_DATE(r.unrolled_date, 2024, 4, 28);

    /* The same wall-clock time given as local seconds (SROK_TIME_LOCAL) is 02:30 MSK. */
    req.registered_at = at(2024, 3, 29, 2, 30, 0, 0);
    req.registered_at_kind = SROK_TIME_LOCAL;
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
    CHECK_EQ(r.registered, at(2024, 3, 29, 2, 30, 0, 3));

    /* Yekaterinburg (UTC+5): 28.03.2024 20:30 UTC is 29.03 01:30 there; same last day 28.04 → 27.04,
     * the federal calendar; due 27.04.2024 23:59:59+05:00. */
    req = (srok_request){0};
    req.registered_at = at(2024, 3, 28, 20, 30, 0, 0);
    req.tz = "Asia/Yekaterinburg";
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
    CHECK_DATE(r.due_date, 2024, 4, 27);
    CHECK_EQ(r.due, at(2024, 4, 27, 23, 59, 59, 5));
    CHECK_EQ(r.due_utc_offset, 5 * 3600);

    /* A term in days: 10 days from 28.03.2024 is Sunday 07.04 → Saturday 06.04 (off) → Friday
     * 05.04.2024. */
    req = (srok_request){0};
    req.registered_at_text = "2024-03-28T10:00+03:00";
    req.term_days = 10;
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
    CHECK_DATE(r.due_date, 2024, 4, 5);
    CHECK_EQ(r.term_amount, 10);

    /* brasovsky's catalogue (Data/profiles/brasovsky.srokprofile: «Мусор / Уборка мусора во дворах»
     * is a 10-day fast-track): from Friday 29.03.2024 day 10 is Monday 08.04.2024. */
    req = (srok_request){0};
    req.registered_at_text = "2024-03-29T10:15+03:00";
    req.profile = "brasovsky";
    req.category = "Мусор";
    req.subcategory = "Уборка мусора во дворах";
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
    CHECK_DATE(r.due_date, 2024, 4, 8);
    CHECK_EQ(r.term_amount, 10);
    /* A category outside the catalogue gets the general term, 30 days: Sunday 28.04 → 27.04. */
    req.category = "Освещение";
    req.subcategory = NULL;
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
    CHECK_EQ(r.term_amount, 30);
    CHECK_DATE(r.due_date, 2024, 4, 27);
}

static void test_errors(const srok_context *ctx) {
    srok_request req = {0};
    srok_due_result r;
    srok_error err;

    req.registered_at_text = "2024-13-45";
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_E_INVALID);
    CHECK_EQ(err.code, SROK_E_INVALID);
    CHECK(strcmp(err.field, "registered_at") == 0);
    CHECK(strstr(err.message, "2024-13-45") != NULL);
    CHECK_EQ(r.due, 0); /* left zeroed */

    req.registered_at_text = "2024-03-28";
    req.profile = "nonexistent";
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_E_UNKNOWN);
    CHECK(strcmp(err.field, "profile") == 0);
    CHECK(strstr(err.message, "federal") != NULL); /* lists the known ones */

    req.profile = NULL;
    req.tz = "Mars/Olympus";
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_E_UNKNOWN);
    CHECK(strcmp(err.field, "tz") == 0);

    /* A ПОС message takes 1–30 calendar days. */
    req.tz = NULL;
    req.term_days = 31;
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_E_INVALID);
    CHECK(strcmp(err.field, "term_days") == 0);

    /* brasovsky allows only the 10-day fast-track (fast-track-terms 10). */
    req.term_days = 0;
    req.profile = "brasovsky";
    req.fast_track_days = 7;
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_E_INVALID);
    CHECK(strcmp(err.field, "fast_track_days") == 0);

    /* The decree data end with 2027 (the last year block of RU-2013-2027.srokcal). */
    req = (srok_request){0};
    req.registered_at_text = "2040-01-10";
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_E_COVERAGE);

    req = (srok_request){0};
    req.registered_at_text = "2024-03-28";
    req.regime = 7;
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_E_ARGUMENT);
    CHECK(strcmp(err.field, "regime") == 0);

    CHECK_EQ(srok_due(NULL, &req, &r, &err), SROK_E_ARGUMENT);
    CHECK_EQ(srok_due(ctx, NULL, &r, &err), SROK_E_ARGUMENT);
    CHECK_EQ(srok_due(ctx, &req, NULL, NULL), SROK_E_ARGUMENT); /* error may be NULL */

    /* A long message is cut at a character boundary, ends with "…" and is NUL-terminated: an
     * unknown region lists every known one. */
    req.regime = 0;
    req.region = "Атлантида";
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_E_UNKNOWN);
    size_t n = strnlen(err.message, sizeof err.message);
    CHECK(n < sizeof err.message);
    CHECK(strcmp(err.field, "region") == 0);
    if (n > sizeof err.message - 8) CHECK(strcmp(err.message + n - 3, "…") == 0);

    /* Success clears the error. */
    req.region = NULL;
    CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
    CHECK_EQ(err.code, SROK_OK);
    CHECK(err.message[0] == 0);
}

static void test_open(const char *testdata) {
    char profile[1024], broken[1024];
    snprintf(profile, sizeof profile, "%s/civil193.srokprofile", testdata);
    snprintf(broken, sizeof broken, "%s/broken.srokcal", testdata);
    srok_context *ctx = NULL;
    srok_error err;

    /* A user's profile: the federal defaults with roll following (ГК РФ ст. 193). From 30.03.2024
     * day 30 is Monday 29.04 (off); Tuesday 30.04 is off (transfer 2024-11-02 → 2024-04-30);
     * Wednesday 01.05 is Праздник Весны и Труда; Thursday 02.05.2024 is a working day. */
    const char *profiles[] = {profile};
    srok_open_options options = {0};
    options.profile_files = profiles;
    options.profile_file_count = 1;
    CHECK_EQ(srok_context_open(&options, &ctx, &err), SROK_OK);
    if (ctx) {
        srok_request req = {0};
        srok_due_result r;
        req.registered_at_text = "2024-03-30T10:15+03:00";
        req.profile = "civil193";
        CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
        CHECK_DATE(r.due_date, 2024, 5, 2);
        CHECK_EQ(r.roll, SROK_ROLL_ROLLED);
        srok_context_close(ctx);
    }

    const char *missing[] = {"/nonexistent/dir/x.srokcal"};
    options = (srok_open_options){0};
    options.calendar_files = missing;
    options.calendar_file_count = 1;
    CHECK_EQ(srok_context_open(&options, &ctx, &err), SROK_E_IO);
    CHECK(ctx == NULL);
    CHECK(strstr(err.message, "/nonexistent/dir/x.srokcal") != NULL);

    const char *bad[] = {broken};
    options.calendar_files = bad;
    CHECK_EQ(srok_context_open(&options, &ctx, &err), SROK_E_DATA);
    CHECK(strstr(err.message, "broken.srokcal:3") != NULL); /* file and line */

    options = (srok_open_options){0};
    options.provisional_through_year = 3000;
    CHECK_EQ(srok_context_open(&options, &ctx, &err), SROK_E_INVALID);

    /* Provisional years: with them, 2040 is computed (from the statute alone) and marked so. */
    options.provisional_through_year = 2040;
    CHECK_EQ(srok_context_open(&options, &ctx, &err), SROK_OK);
    if (ctx) {
        srok_request req = {0};
        srok_due_result r;
        req.registered_at_text = "2040-03-01";
        CHECK_EQ(srok_due(ctx, &req, &r, &err), SROK_OK);
        CHECK_EQ(r.provisional, 1);
        srok_context_close(ctx);
    }
    CHECK_EQ(srok_context_open(NULL, NULL, &err), SROK_E_ARGUMENT);
    srok_context_close(NULL);
}

static void test_due_many(const srok_context *ctx) {
    /* The cases of test_due_dates as a column of instants, a NaT and a year outside the data. */
    const int64_t registered[] = {
        at(2024, 3, 28, 10, 0, 0, 3), at(2024, 3, 30, 10, 15, 0, 3), INT64_MIN,
        at(2040, 1, 10, 12, 0, 0, 3), at(2024, 12, 5, 9, 0, 0, 3),
    };
    int64_t dates[5], dues[5];
    int32_t codes[5];
    srok_request common = {0};
    srok_error err;
    CHECK_EQ(srok_due_many(ctx, &common, registered, 5, dates, dues, codes, &err), SROK_E_MISSING);
    CHECK_EQ(err.index, 2);
    CHECK_EQ(dates[0], days_from_civil(2024, 4, 27));
    CHECK_EQ(dues[0], at(2024, 4, 27, 23, 59, 59, 3));
    CHECK_EQ(dates[1], days_from_civil(2024, 4, 27));
    CHECK_EQ(dates[2], INT64_MIN);
    CHECK_EQ(dues[2], INT64_MIN);
    CHECK_EQ(codes[2], SROK_E_MISSING);
    CHECK_EQ(codes[3], SROK_E_COVERAGE);
    CHECK_EQ(dates[3], INT64_MIN);
    CHECK_EQ(dates[4], days_from_civil(2024, 12, 28));
    CHECK_EQ(codes[0], SROK_OK);
    CHECK_EQ(codes[4], SROK_OK);

    /* Every output is optional; a clean column returns SROK_OK. */
    CHECK_EQ(srok_due_many(ctx, &common, registered, 2, dates, NULL, NULL, &err), SROK_OK);
    CHECK_EQ(srok_due_many(ctx, &common, NULL, 0, NULL, NULL, NULL, NULL), SROK_OK);

    /* A failure of the common fields fails every element, reported at index 0. */
    common.profile = "nonexistent";
    CHECK_EQ(srok_due_many(ctx, &common, registered, 2, dates, dues, codes, &err), SROK_E_UNKNOWN);
    CHECK_EQ(err.index, 0);
    CHECK_EQ(codes[1], SROK_E_UNKNOWN);
    CHECK_EQ(dates[1], INT64_MIN);
}

/* The JSON calls: Srok's request keys in, `srok due/status --format json`'s answer out. */
static void test_json(const srok_context *ctx) {
    /* brasovsky's 10-day fast-track from Friday 29.03.2024: Monday 08.04.2024 (as in test_due_dates);
     * by 20.04.2024 the message is past its due time: overdue. The request is followed by bytes
     * that are not JSON: only `length` bytes are read. */
    const char *request = "{\"registered_at\": \"2024-03-29T10:15+03:00\", \"profile\": \"brasovsky\", "
                          "\"category\": \"Мусор\", \"subcategory\": \"Уборка мусора во дворах\", "
                          "\"entries\": [{\"stage\": \"execution\", \"at\": \"2024-03-30T09:00+03:00\"}], "
                          "\"as_of\": \"2024-04-20T12:00+03:00\"}garbage";
    size_t length = strlen(request) - strlen("garbage");
    char *answer = NULL;
    size_t answer_length = 0;
    srok_error err;
    CHECK_EQ(srok_due_json(ctx, request, length, &answer, &answer_length, &err), SROK_OK);
    CHECK(answer != NULL);
    if (answer) {
        CHECK_EQ(answer_length, strlen(answer));
        CHECK(strstr(answer, "\"due_date\":\"2024-04-08\"") != NULL);
        CHECK(strstr(answer, "\"due\":\"2024-04-08T23:59:59+03:00\"") != NULL);
        CHECK(strstr(answer, "\"term\":\"10 calendar-days\"") != NULL);
    }
    srok_free(answer);
    CHECK_EQ(srok_status_json(ctx, request, length, &answer, NULL, &err), SROK_OK);
    if (answer) {
        CHECK(strstr(answer, "\"status\":\"overdue\"") != NULL);
        CHECK(strstr(answer, "\"stage\":\"execution\"") != NULL);
    }
    srok_free(answer);

    const char *unknown = "{\"registered_at\": \"2024-03-28\", \"bogus\": 1}";
    answer = (char *)1;
    CHECK_EQ(srok_due_json(ctx, unknown, strlen(unknown), &answer, NULL, &err), SROK_E_INVALID);
    CHECK(answer == NULL);
    CHECK(strcmp(err.field, "bogus") == 0);
    const char *wrong_type = "{\"registered_at\": \"2024-03-28\", \"term_days\": true}";
    CHECK_EQ(srok_due_json(ctx, wrong_type, strlen(wrong_type), &answer, NULL, &err), SROK_E_INVALID);
    CHECK(strcmp(err.field, "term_days") == 0);
    CHECK_EQ(srok_due_json(ctx, "{nope", 5, &answer, NULL, &err), SROK_E_INVALID);
    const char *missing = "{\"profile\": \"federal\"}";
    CHECK_EQ(srok_due_json(ctx, missing, strlen(missing), &answer, NULL, &err), SROK_E_MISSING);
    CHECK(strcmp(err.field, "registered_at") == 0);
    CHECK_EQ(srok_due_json(ctx, request, length, NULL, NULL, &err), SROK_E_ARGUMENT);
    CHECK_EQ(srok_due_json(NULL, request, length, &answer, NULL, &err), SROK_E_ARGUMENT);
    CHECK_EQ(srok_status_json(ctx, NULL, 3, &answer, NULL, &err), SROK_E_ARGUMENT);
    srok_free(NULL);
}

/* Several threads on one context, each over the same 2000 registrations (one every 4 h 7 min from
 * 2024-01-01): every thread must get what one thread got alone. */
enum { THREADS = 8, PER_THREAD = 2000 };
static int64_t expected_due[PER_THREAD];

static void *worker(void *arg) {
    const srok_context *ctx = arg;
    long bad = 0;
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < PER_THREAD; i++) {
            srok_request req = {0};
            req.registered_at = at(2024, 1, 1, 0, 0, 0, 3) + (int64_t)i * (4 * 3600 + 7 * 60);
            req.tz = (i % 3 == 0) ? "Asia/Yekaterinburg" : NULL;
            srok_due_result r;
            if (srok_due(ctx, &req, &r, NULL) != SROK_OK || r.due != expected_due[i]) bad++;
            if (i % 200 == 0) {
                const char *json = "{\"registered_at\": \"2024-03-28T10:00+03:00\"}";
                char *answer;
                if (srok_due_json(ctx, json, strlen(json), &answer, NULL, NULL) != SROK_OK ||
                    !strstr(answer, "\"due_date\":\"2024-04-27\""))
                    bad++;
                srok_free(answer);
            }
        }
    }
    return (void *)bad;
}

static void test_threads(const srok_context *ctx) {
    for (int i = 0; i < PER_THREAD; i++) {
        srok_request req = {0};
        req.registered_at = at(2024, 1, 1, 0, 0, 0, 3) + (int64_t)i * (4 * 3600 + 7 * 60);
        req.tz = (i % 3 == 0) ? "Asia/Yekaterinburg" : NULL;
        srok_due_result r;
        CHECK_EQ(srok_due(ctx, &req, &r, NULL), SROK_OK);
        expected_due[i] = r.due;
    }
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++) CHECK_EQ(pthread_create(&threads[t], NULL, worker, (void *)ctx), 0);
    for (int t = 0; t < THREADS; t++) {
        void *bad;
        pthread_join(threads[t], &bad);
        CHECK_EQ((long)bad, 0);
    }
}

#ifdef SROK_COUNT_ALLOCATIONS
/* The fast path allocates nothing once its profile/zone/category combination has been seen. */
static void test_no_allocation(const srok_context *ctx) {
    srok_request reqs[4] = {{0}, {0}, {0}, {0}};
    reqs[0].registered_at = at(2024, 3, 28, 10, 0, 0, 3);
    reqs[1].registered_at_text = "2024-03-30T10:15:00+03:00";
    reqs[1].tz = "Asia/Yekaterinburg";
    reqs[1].region = "Татарстан";
    reqs[2].registered_at_text = "29.03.2024 10:15";
    reqs[2].profile = "brasovsky";
    reqs[2].category = "Мусор";
    reqs[2].subcategory = "Уборка мусора во дворах";
    reqs[3].registered_at = at(2024, 3, 28, 10, 0, 0, 3);
    reqs[3].fast_track_days = 7;
    int64_t column[1000], dates[1000];
    for (int i = 0; i < 1000; i++) column[i] = at(2024, 1, 1, 0, 0, 0, 3) + (int64_t)i * 3600 * 7;
    srok_due_result r;
    srok_error err;
    for (int i = 0; i < 4; i++) CHECK_EQ(srok_due(ctx, &reqs[i], &r, &err), SROK_OK); /* warm-up */
    CHECK_EQ(srok_due_many(ctx, &reqs[1], column, 1000, dates, NULL, NULL, &err), SROK_OK);
    long before = atomic_load(&allocations);
    for (int round = 0; round < 1000; round++)
        for (int i = 0; i < 4; i++) srok_due(ctx, &reqs[i], &r, &err);
    CHECK_EQ(srok_due_many(ctx, &reqs[1], column, 1000, dates, NULL, NULL, &err), SROK_OK);
    long after = atomic_load(&allocations);
    printf("allocations in 4000 srok_due and 1000 srok_due_many elements: %ld\n", after - before);
    CHECK_EQ(after - before, 0);
}
#endif

/* One language at a time: a context's messages and its JSON answers' words are Russian by default
 * and English with SROK_LANG_EN (codes are the same in both). */
static void test_language(const srok_context *ru) {
    srok_request req = {0};
    srok_due_result r;
    srok_error err;
    req.registered_at_text = "2024-13-45";
    /* SrokError's Russian form: «недопустимое значение <поле>: «<значение>»; ожидается …». */
    CHECK_EQ(srok_due(ru, &req, &r, &err), SROK_E_INVALID);
    CHECK(strstr(err.message, "недопустимое значение registered_at: «2024-13-45»") != NULL);
    CHECK(strstr(err.message, "invalid") == NULL);

    srok_open_options options = {0};
    options.language = SROK_LANG_EN;
    srok_context *en = NULL;
    CHECK_EQ(srok_context_open(&options, &en, &err), SROK_OK);
    if (en) {
        CHECK_EQ(srok_due(en, &req, &r, &err), SROK_E_INVALID);
        CHECK(strstr(err.message, "invalid registered_at: '2024-13-45'") != NULL);
        /* A term given explicitly is named in the context's language (term_days is the key). */
        const char *json = "{\"registered_at\": \"2024-03-29T10:15+03:00\", \"term_days\": 30}";
        char *answer = NULL;
        CHECK_EQ(srok_due_json(en, json, strlen(json), &answer, NULL, &err), SROK_OK);
        if (answer) CHECK(strstr(answer, "\"term_source\":\"given with the key term_days\"") != NULL);
        srok_free(answer);
        answer = NULL;
        CHECK_EQ(srok_due_json(ru, json, strlen(json), &answer, NULL, &err), SROK_OK);
        if (answer) CHECK(strstr(answer, "\"term_source\":\"задано ключом term_days\"") != NULL);
        srok_free(answer);
        srok_context_close(en);
    }
    /* A language outside the enum is the caller's mistake, reported in Russian (no context yet). */
    options.language = 7;
    CHECK_EQ(srok_context_open(&options, &en, &err), SROK_E_ARGUMENT);
    CHECK(strcmp(err.field, "language") == 0);
    CHECK(strstr(err.message, "SROK_LANG_RU (0) или SROK_LANG_EN (1)") != NULL);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s TESTDATA-DIR\n", argv[0]);
        return 2;
    }
    test_version();
    srok_context *ctx = NULL;
    srok_error err;
    if (srok_context_open(NULL, &ctx, &err) != SROK_OK) {
        fprintf(stderr, "srok_context_open: %s\n", err.message);
        return 1;
    }
    test_due_dates(ctx);
    test_errors(ctx);
    test_language(ctx);
    test_open(argv[1]);
    test_due_many(ctx);
    test_json(ctx);
    test_threads(ctx);
#ifdef SROK_COUNT_ALLOCATIONS
    test_no_allocation(ctx);
#endif
    srok_context_close(ctx);
    if (failures) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("test_srok: all checks passed\n");
    return 0;
}

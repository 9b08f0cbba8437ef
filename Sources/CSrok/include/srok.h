/*
 * srok.h — the C interface of Srok (libSrokC.so), the deadline engine for citizen messages and
 * appeals on Russia's Feedback Platform (ПОС).
 *
 * Build:  swift build -c release --product SrokC   → .build/release/libSrokC.so
 * Link:   cc app.c -I<dir of srok.h> -L<dir of libSrokC.so> -lSrokC -Wl,-rpath,<that dir>
 *
 * Conventions of this interface
 * - Every function that can fail returns an srok_code (SROK_OK = 0) and, when `error` is not NULL,
 *   fills the caller's srok_error with the same code, the request key at fault and a message
 *   (UTF-8, NUL-terminated). There is no thread-local "last error": the error travels in the
 *   caller's own struct, so concurrent calls never see each other's errors.
 * - Instants are seconds since 1970-01-01T00:00:00Z (int64_t). Dates are days since 1970-01-01
 *   (int32_t, negative before) and, for convenience, year/month/day. A date is the organisation's
 *   local date, in the zone of the request (default: the profile's, Europe/Moscow for `federal`).
 * - Strings passed in are UTF-8 and NUL-terminated; NULL means "not given" (the profile's value,
 *   or the default). The library keeps no pointer to them after a call returns.
 * - Memory: the only memory handed to the caller is the JSON answers, freed with srok_free (and
 *   the context, released with srok_context_close). The fast path (srok_due, srok_due_many)
 *   writes into caller-provided memory and hands out nothing to free.
 * - Threads: a context is immutable once open (its caches are internally locked), so any number of
 *   threads may call any function on one context at the same time. Close it once, after all calls
 *   on it have returned.
 * - Rules: every call goes through Srok's one message resolver, the same as the CLI, the batch
 *   and the Swift library: defaults come from the profile; nothing is re-decided here.
 */
#ifndef SROK_H
#define SROK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this interface (the structs' layout and the functions' meaning). A library
 * whose srok_abi_version() differs from the SROK_ABI_VERSION a program was compiled with is not
 * compatible with it. */
#define SROK_ABI_VERSION 1

/* ---------------------------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------------------------- */

/* What went wrong. The values are stable (part of the ABI). */
typedef enum srok_code {
    SROK_OK = 0,
    /* A NULL pointer where one is required, or a field outside its enum (a bug in the caller). */
    SROK_E_ARGUMENT = 1,
    /* A value that is malformed or not allowed: a timestamp Srok cannot read, a term out of range,
     * a fast-track term the profile's act does not list, malformed JSON or an unknown JSON key. */
    SROK_E_INVALID = 2,
    /* A required value is missing (e.g. the registration time). */
    SROK_E_MISSING = 3,
    /* A date outside the years the calendar data covers (the message names the covered range). */
    SROK_E_COVERAGE = 4,
    /* An unknown profile, region, calendar or IANA time zone (the message lists the known ones). */
    SROK_E_UNKNOWN = 5,
    /* An error in a calendar, region or profile file (file and line in the message). */
    SROK_E_DATA = 6,
    /* A file that could not be read (path and the system's reason in the message). */
    SROK_E_IO = 7,
    /* An ICU call failed. */
    SROK_E_ICU = 8,
    /* The library could not allocate memory, or another failure that is a bug in Srok. */
    SROK_E_INTERNAL = 9
} srok_code;

/* Capacities of srok_error's text fields, terminating NUL included. */
#define SROK_ERROR_FIELD_CAPACITY 64
#define SROK_ERROR_MESSAGE_CAPACITY 1024

/* An error, written into the caller's struct (pass NULL when only the code is wanted). */
typedef struct srok_error {
    /* The code the function returned. */
    int32_t code;
    /* srok_due_many: the index of the first element that failed; otherwise -1. */
    int64_t index;
    /* The request key at fault ("registered_at", "profile", "term_days" …; the JSON key and the
     * batch's column name), or "" when no single field is. NUL-terminated. */
    char field[SROK_ERROR_FIELD_CAPACITY];
    /* What was wrong, where, and what is accepted, in the context's language (srok_open_options.
     * language: Russian by default, English with SROK_LANG_EN; Russian when there is no context
     * yet or it is NULL). UTF-8, NUL-terminated, cut at a character boundary with "…" when longer
     * than the buffer. */
    char message[SROK_ERROR_MESSAGE_CAPACITY];
} srok_error;

/* ---------------------------------------------------------------------------------------------
 * Version and memory
 * ------------------------------------------------------------------------------------------- */

/* Srok's version ("0.1.0"): a static string; do not free it. */
const char *srok_version(void);

/* The SROK_ABI_VERSION the library was built with. */
uint32_t srok_abi_version(void);

/* Frees memory the library handed out (the answers of srok_due_json and srok_status_json).
 * NULL is allowed. Never pass it anything else, and never free those answers with free(). */
void srok_free(void *pointer);

/* ---------------------------------------------------------------------------------------------
 * Context
 * ------------------------------------------------------------------------------------------- */

/* Loaded data: the embedded calendars (federal 1999–2027 with every transfer decree, regional
 * ones), regions and regulation profiles, optionally extended by the user's files. Opaque. */
typedef struct srok_context srok_context;

/* The language of a context's error messages and of the words in its JSON answers (term_source
 * and the *_text keys; codes such as "overdue" are the same in both). */
typedef enum srok_language {
    /* Русский (the default). */
    SROK_LANG_RU = 0,
    /* English. */
    SROK_LANG_EN = 1
} srok_language;

/* What to load besides the embedded data. Zero-initialise it ({0}) and set what you need; a NULL
 * options pointer is the same as all zeros. The files use the grammars of Data/FORMAT.md and are
 * read after the embedded ones: a calendar `year` block replaces that year, a profile with the id
 * of an embedded one replaces it, region lines add to the region. */
typedef struct srok_open_options {
    /* Paths of calendar files (*.srokcal) and their count. */
    const char *const *calendar_files;
    size_t calendar_file_count;
    /* Paths of regulation profile files (*.srokprofile) and their count. */
    const char *const *profile_files;
    size_t profile_file_count;
    /* Paths of region files (*.srokcal in the region grammar) and their count. */
    const char *const *region_files;
    size_t region_file_count;
    /* Compute years after the decree data up to this year from the statutory rules alone (results
     * marked provisional). 0: refuse such years with SROK_E_COVERAGE. */
    int32_t provisional_through_year;
    /* srok_language of the context's messages and answers; 0 (zero-initialised): Russian. */
    int32_t language;
} srok_open_options;

/* Opens a context. On success returns SROK_OK and stores it in *context; on failure stores NULL
 * (SROK_E_IO, SROK_E_DATA with file and line, SROK_E_INVALID for an out-of-range year).
 * Opening compiles nothing yet: each calendar and zone is compiled on first use (≈ 10 ms) and
 * cached. Open one context per process (or per set of files) and share it between threads. */
srok_code srok_context_open(const srok_open_options *options, srok_context **context, srok_error *error);

/* Closes a context opened by srok_context_open (NULL is allowed). No call on it may be running or
 * follow. */
void srok_context_close(srok_context *context);

/* ---------------------------------------------------------------------------------------------
 * The fast path: a due date and the stage plan from plain fields, into the caller's struct
 * ------------------------------------------------------------------------------------------- */

/* The legal regime (srok_request.regime). */
typedef enum srok_regime {
    /* The profile's regime (message for every embedded profile). */
    SROK_REGIME_DEFAULT = 0,
    /* A ПОС message (сообщение): 1–30 calendar days. */
    SROK_REGIME_MESSAGE = 1,
    /* An appeal under 59-ФЗ (обращение). */
    SROK_REGIME_APPEAL = 2
} srok_regime;

/* srok_request.registered_at_kind: how to read registered_at. */
typedef enum srok_time_kind {
    /* Seconds since 1970-01-01T00:00:00Z: an instant. */
    SROK_TIME_UTC = 0,
    /* Local wall-clock seconds since 1970-01-01T00:00 in the request's zone (a naive local time, as
     * in an export without offsets), read in the zone like "2024-03-29T10:15". */
    SROK_TIME_LOCAL = 1
} srok_time_kind;

/* One message, as plain fields. Zero-initialise it ({0}) and set what you have: every NULL string
 * and zero number means "not given". The keys are the same as the JSON request's. */
typedef struct srok_request {
    /* Registration (Дата поступления), read as registered_at_kind says. Used when
     * registered_at_text is NULL. */
    int64_t registered_at;
    /* Registration as text, any form the JSON accepts: "2024-03-29T10:15:00+03:00", "…Z", a local
     * "2024-03-29 10:15", "29.03.2024 10:15", "2024-03-29". Overrides registered_at when not NULL. */
    const char *registered_at_text;
    /* srok_time_kind of registered_at. */
    int32_t registered_at_kind;
    /* srok_regime. */
    int32_t regime;
    /* An explicit term in calendar days (1–30 for a message), overriding every other way of
     * choosing it; 0: not given. */
    int32_t term_days;
    /* A fast-track term in days, one the profile's act allows; 0: not given. */
    int32_t fast_track_days;
    /* A profile id ("federal", the default; "brasovsky", "krasnodar-krai" …). */
    const char *profile;
    /* A region code or name for the calendar ("RU-TA", "Татарстан"); default: the profile's. */
    const char *region;
    /* The organisation's IANA zone ("Asia/Yekaterinburg"); default: the profile's. */
    const char *tz;
    /* The category and subcategory, for the profile's fast-track catalogue (other categories get
     * the general term). */
    const char *category;
    const char *subcategory;
} srok_request;

/* The five stages of the ПОС, in order: indices into srok_due_result.stages. */
enum {
    SROK_STAGE_MODERATION = 0,
    SROK_STAGE_COORDINATION = 1,
    SROK_STAGE_EXECUTION = 2,
    SROK_STAGE_APPROVAL = 3,
    SROK_STAGE_FINAL_APPROVAL = 4,
    SROK_STAGE_COUNT = 5
};

/* A local date: days since 1970-01-01 and the same day as year, month (1–12), day (1–31). */
typedef struct srok_date {
    int32_t days;
    int32_t year;
    int32_t month;
    int32_t day;
} srok_date;

/* srok_due_result.term_unit. */
typedef enum srok_term_unit {
    SROK_TERM_CALENDAR_DAYS = 0,
    SROK_TERM_WORKING_DAYS = 1,
    SROK_TERM_HOURS = 2,
    SROK_TERM_WORKING_HOURS = 3
} srok_term_unit;

/* srok_due_result.roll: whether and how the last day of the term was moved. */
typedef enum srok_roll {
    /* The last day is a working day (or the convention is `none`): not moved. */
    SROK_ROLL_NONE = 0,
    /* Moved by the profile's convention (`preceding` for the ПОС: the preceding working day). */
    SROK_ROLL_ROLLED = 1,
    /* The configured roll would have ended the term at or before registration, so it was moved to
     * the following working day instead (`following(reversed)`). */
    SROK_ROLL_REVERSED = 2
} srok_roll;

/* One stage's plan. */
typedef struct srok_stage_plan {
    /* Planned due instant: registration + cumulative shares, never after the total due. */
    int64_t due;
    /* The stage's budget in minutes (wall minutes for basis clock24, working minutes for workday8). */
    int64_t budget_minutes;
} srok_stage_plan;

/* The schedule of one message. */
typedef struct srok_due_result {
    /* The registration instant (a local time read in the zone). */
    int64_t registered;
    /* The due instant: for day terms the last second of due_date, 23:59:59 local (ГК РФ ст. 194);
     * the message is overdue after it. */
    int64_t due;
    /* The last day of the term, after the roll (local). */
    srok_date due_date;
    /* The last day before the roll (equal to due_date when roll is SROK_ROLL_NONE). */
    srok_date unrolled_date;
    /* The zone's offset from UTC at `due`, in seconds (10800 for Moscow). */
    int32_t due_utc_offset;
    /* srok_roll. */
    int32_t roll;
    /* The term: amount and srok_term_unit. */
    int32_t term_amount;
    int32_t term_unit;
    /* The regime applied: SROK_REGIME_MESSAGE or SROK_REGIME_APPEAL. */
    int32_t regime;
    /* 1 when a date rests on provisional calendar data (a year without a transfer decree). */
    int32_t provisional;
    /* The stages, indexed by SROK_STAGE_*; stages[SROK_STAGE_FINAL_APPROVAL].due == due. */
    srok_stage_plan stages[SROK_STAGE_COUNT];
} srok_due_result;

/* The due date and stage plan of one message: the fast path. Writes *result (caller's memory) and
 * allocates nothing the caller must free. Once a profile/region/zone/category combination has been
 * seen by the context, the call allocates no memory at all. Thread-safe.
 * Returns SROK_OK, or an error (SROK_E_INVALID, SROK_E_UNKNOWN, SROK_E_COVERAGE …) with *result
 * left zeroed. */
srok_code srok_due(const srok_context *context, const srok_request *request, srok_due_result *result,
                   srok_error *error);

/* The bulk path, for a column of registration times (one call per batch): everything but
 * registered_at and registered_at_text is taken from `common` (its registered_at fields are
 * ignored), and element i is registered at registered_at[i], read as `common->registered_at_kind`
 * says. For each i it writes, into arrays of `count` elements the caller provides (any may be
 * NULL when not wanted):
 *   due_dates[i]  the due date, days since 1970-01-01 (numpy datetime64[D]);
 *   dues[i]       the due instant, seconds since 1970-01-01T00:00:00Z (numpy datetime64[s]);
 *   codes[i]      SROK_OK, or the element's srok_code.
 * registered_at[i] == INT64_MIN (numpy's NaT) is "no value": due_dates[i] and dues[i] are then
 * INT64_MIN too and codes[i] is SROK_E_MISSING. A failed element gets INT64_MIN as well.
 * Returns SROK_OK when every element succeeded; otherwise the code of the first failure, with
 * error->index naming that element (the others are still computed). A failure of `common` itself
 * (unknown profile …) fails every element. Allocates nothing once its common fields have been
 * seen (as srok_due); thread-safe. */
srok_code srok_due_many(const srok_context *context, const srok_request *common, const int64_t *registered_at,
                        size_t count, int64_t *due_dates, int64_t *dues, int32_t *codes, srok_error *error);

/* ---------------------------------------------------------------------------------------------
 * JSON in, JSON out: everything else
 * ------------------------------------------------------------------------------------------- */

/* The due dates of a message described by a JSON request: `length` bytes of UTF-8 JSON with the
 * keys of Srok's MessageRequest (registered_at, tz, region, profile, term_days, fast_track_days,
 * level, category, subcategory, regime, migration, count, roll, basis, schedule, roll_stages,
 * entries, stage, stage_entered_at, postponed_until, extension_days … — the batch's input
 * columns; see the README), read by Srok's one strict request reader. On success stores in
 * *answer a NUL-terminated JSON object — the keys and values `srok due --format json` prints:
 * profile, regime, calendar, tz, registered_at, term, due_date, due, rolled, the stages' *_due and
 * *_budget_minutes, original_due_date, due_reason, term_source, rolled_text, warnings … (texts in
 * the context's language) — and its length without the NUL
 * in *answer_length (when not NULL). Free the answer with srok_free. On failure stores NULL and
 * returns the error: malformed JSON, an unknown key or a value of the wrong type is SROK_E_INVALID
 * naming the key ("body" for JSON that is not an object). Thread-safe. */
srok_code srok_due_json(const srok_context *context, const char *request, size_t length, char **answer,
                        size_t *answer_length, srok_error *error);

/* The status of a message from its JSON request with the stage history (entries, stage,
 * stage_entered_at, taken_into_work, postponed_until, closed_at, outcome, as_of …): the keys of
 * srok_due_json's answer plus those `srok status --format json` prints (status — ok, approaching,
 * overdue, closed or not-yet-registered —, status_text, remaining_minutes, stage, stage_status,
 * effective_due, as_of, next_control, the per-stage
 * "stages" and the "controls" arrays …). A request without as_of is evaluated at the current
 * time. Otherwise as srok_due_json. */
srok_code srok_status_json(const srok_context *context, const char *request, size_t length, char **answer,
                           size_t *answer_length, srok_error *error);

#ifdef __cplusplus
}
#endif

#endif /* SROK_H */

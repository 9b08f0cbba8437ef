// Srok's thin C layer over system ICU. This header includes no ICU header on purpose:
// Swift sees only opaque handles and plain integers, so Foundation's private ICU and the
// system ICU never meet in one Swift module.
#ifndef SROK_ICU_H
#define SROK_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU calendar (UCalendar). Not thread-safe.
typedef struct srok_calendar srok_calendar;
/// An ICU date formatter (UDateFormat). Not thread-safe.
typedef struct srok_date_format srok_date_format;
/// ICU plural rules (UPluralRules). Not thread-safe.
typedef struct srok_plural_rules srok_plural_rules;

/// Calendar fields Srok uses; values are checked against ICU's UCalendarDateFields in the .c file.
typedef enum {
    SROK_FIELD_ERA = 0,
    SROK_FIELD_YEAR = 1,
    SROK_FIELD_MONTH = 2,
    SROK_FIELD_DAY_OF_MONTH = 5,
    SROK_FIELD_DAY_OF_WEEK = 7,
    SROK_FIELD_HOUR_OF_DAY = 11,
    SROK_FIELD_MINUTE = 12,
    SROK_FIELD_SECOND = 13,
    SROK_FIELD_MILLISECOND = 14,
    SROK_FIELD_ZONE_OFFSET = 15,
    SROK_FIELD_DST_OFFSET = 16,
    SROK_FIELD_EXTENDED_YEAR = 19,
    SROK_FIELD_IS_LEAP_MONTH = 22
} srok_field;

/// Opens a calendar for an ICU locale id (e.g. "ru_RU@calendar=islamic-umalqura") in the
/// time zone `zone_id` (UTF-8 IANA id, or NULL for UTC). With `julian` non-zero the Gregorian
/// change is moved to the far future, making a Gregorian calendar pure Julian.
/// Returns NULL and sets *error (an ICU UErrorCode value) on failure.
srok_calendar *srok_calendar_open(const char *locale, const char *zone_id, int julian, int32_t *error);
void srok_calendar_close(srok_calendar *cal);
void srok_calendar_clear(srok_calendar *cal);
void srok_calendar_set(srok_calendar *cal, srok_field field, int32_t value);
int32_t srok_calendar_get(srok_calendar *cal, srok_field field, int32_t *error);
/// Milliseconds since 1970-01-01T00:00Z.
double srok_calendar_get_millis(srok_calendar *cal, int32_t *error);
void srok_calendar_set_millis(srok_calendar *cal, double millis, int32_t *error);
/// The next time-zone transition strictly after the calendar's current instant.
/// Returns 1 and writes the instant to *out when there is one, 0 otherwise.
int srok_calendar_next_transition(srok_calendar *cal, double *out, int32_t *error);
/// Total UTC offset (raw + DST) in milliseconds at the calendar's current instant.
int32_t srok_calendar_offset_millis(srok_calendar *cal, int32_t *error);

/// Whether ICU knows the zone: writes its canonical id (UTF-8) to buf and returns 1, else 0.
int srok_zone_canonical(const char *zone_id, char *buf, int32_t capacity);
/// ICU's tz database version, e.g. "2022e". Static storage.
const char *srok_tzdata_version(void);
/// ICU's version string, e.g. "72.1". Writes into buf.
void srok_icu_version(char *buf, int32_t capacity);

/// Opens a date formatter with an explicit pattern (UTF-8) for `locale`, in UTC.
srok_date_format *srok_date_format_open(const char *locale, const char *pattern, int32_t *error);
/// Opens a date formatter with an ICU style (0 full, 1 long, 2 medium, 3 short) and no time, in UTC.
srok_date_format *srok_date_format_open_style(const char *locale, int32_t style, int32_t *error);
void srok_date_format_close(srok_date_format *fmt);
/// Formats the instant `millis` as UTF-8 into buf; returns the length in bytes (or -1).
int32_t srok_date_format_format(srok_date_format *fmt, double millis, char *buf, int32_t capacity);

/// Opens cardinal plural rules for `locale` (e.g. "ru").
srok_plural_rules *srok_plural_rules_open(const char *locale, int32_t *error);
void srok_plural_rules_close(srok_plural_rules *rules);
/// Writes the plural keyword ("one", "few", "many", "other") for n as UTF-8; returns its length.
int32_t srok_plural_rules_select(srok_plural_rules *rules, double n, char *buf, int32_t capacity);

/// A streaming converter from a charset to UTF-8, or from UTF-8 to a charset (two ICU UConverters and a pivot buffer that
/// carries a character split between calls). Not thread-safe.
typedef struct srok_converter srok_converter;

/// Opens a converter from `charset` (an ICU converter name such as "windows-1251", "UTF-16LE",
/// "UTF-16BE") to UTF-8 that stops at a byte sequence the charset does not define instead of
/// substituting it. Returns NULL and sets *error (an ICU UErrorCode value) on failure.
srok_converter *srok_converter_open(const char *charset, int32_t *error);
/// Opens a converter from UTF-8 to `charset` for output: a character the charset lacks becomes
/// `?` (and invalid UTF-8 too). Returns NULL and sets *error on failure.
srok_converter *srok_converter_open_to(const char *charset, int32_t *error);
void srok_converter_close(srok_converter *conv);
/// Converts the bytes *input ..< input_end into *output ..< output_end, advancing both. A
/// sequence cut off at the end of the input is kept for the next call unless `flush` is non-zero
/// (the last call). Returns 0 when the input is consumed (and flushed), 15
/// (U_BUFFER_OVERFLOW_ERROR) when the output is full (call again with more room), or another
/// UErrorCode for an illegal, unmapped or truncated sequence: *input then points past it and
/// srok_converter_invalid gives its bytes.
int32_t srok_converter_convert(srok_converter *conv, const uint8_t **input, const uint8_t *input_end,
                               uint8_t **output, uint8_t *output_end, int flush);
/// The bytes of the sequence the last failed conversion stopped at; returns their count.
int32_t srok_converter_invalid(srok_converter *conv, uint8_t *buf, int32_t capacity);

#ifdef __cplusplus
}
#endif
#endif

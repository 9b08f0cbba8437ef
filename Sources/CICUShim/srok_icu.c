#include "srok_icu.h"
#include <unicode/ucal.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/udat.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#include <stdlib.h>
#include <string.h>

// The shim's field numbers are ICU's (compared as numbers: the enums are different types).
_Static_assert((int)SROK_FIELD_ERA == (int)UCAL_ERA, "field");
_Static_assert((int)SROK_FIELD_YEAR == (int)UCAL_YEAR, "field");
_Static_assert((int)SROK_FIELD_MONTH == (int)UCAL_MONTH, "field");
_Static_assert((int)SROK_FIELD_DAY_OF_MONTH == (int)UCAL_DAY_OF_MONTH, "field");
_Static_assert((int)SROK_FIELD_DAY_OF_WEEK == (int)UCAL_DAY_OF_WEEK, "field");
_Static_assert((int)SROK_FIELD_HOUR_OF_DAY == (int)UCAL_HOUR_OF_DAY, "field");
_Static_assert((int)SROK_FIELD_MINUTE == (int)UCAL_MINUTE, "field");
_Static_assert((int)SROK_FIELD_SECOND == (int)UCAL_SECOND, "field");
_Static_assert((int)SROK_FIELD_MILLISECOND == (int)UCAL_MILLISECOND, "field");
_Static_assert((int)SROK_FIELD_ZONE_OFFSET == (int)UCAL_ZONE_OFFSET, "field");
_Static_assert((int)SROK_FIELD_DST_OFFSET == (int)UCAL_DST_OFFSET, "field");
_Static_assert((int)SROK_FIELD_EXTENDED_YEAR == (int)UCAL_EXTENDED_YEAR, "field");
_Static_assert((int)SROK_FIELD_IS_LEAP_MONTH == (int)UCAL_IS_LEAP_MONTH, "field");

#define SROK_MAX_ZONE 128

static int32_t to_uchars(const char *s, UChar *out, int32_t capacity) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8(out, capacity, &len, s, -1, &st);
    if (U_FAILURE(st) || len >= capacity) return -1;
    out[len] = 0;
    return len;
}

srok_calendar *srok_calendar_open(const char *locale, const char *zone_id, int julian, int32_t *error) {
    UErrorCode st = U_ZERO_ERROR;
    UChar zone[SROK_MAX_ZONE];
    int32_t zlen = 0;
    if (zone_id == NULL) zone_id = "UTC";
    zlen = to_uchars(zone_id, zone, SROK_MAX_ZONE);
    if (zlen < 0) { *error = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UCalendar *cal = ucal_open(zone, zlen, locale, UCAL_DEFAULT, &st);
    if (U_FAILURE(st)) { *error = st; return NULL; }
    if (julian) {
        ucal_setGregorianChange(cal, U_DATE_MAX, &st);
        if (U_FAILURE(st)) { ucal_close(cal); *error = st; return NULL; }
    }
    *error = 0;
    return (srok_calendar *)cal;
}

void srok_calendar_close(srok_calendar *cal) { if (cal) ucal_close((UCalendar *)cal); }
void srok_calendar_clear(srok_calendar *cal) { ucal_clear((UCalendar *)cal); }
void srok_calendar_set(srok_calendar *cal, srok_field field, int32_t value) {
    ucal_set((UCalendar *)cal, (UCalendarDateFields)field, value);
}
int32_t srok_calendar_get(srok_calendar *cal, srok_field field, int32_t *error) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t v = ucal_get((const UCalendar *)cal, (UCalendarDateFields)field, &st);
    *error = st;
    return v;
}
double srok_calendar_get_millis(srok_calendar *cal, int32_t *error) {
    UErrorCode st = U_ZERO_ERROR;
    UDate d = ucal_getMillis((const UCalendar *)cal, &st);
    *error = st;
    return d;
}
void srok_calendar_set_millis(srok_calendar *cal, double millis, int32_t *error) {
    UErrorCode st = U_ZERO_ERROR;
    ucal_setMillis((UCalendar *)cal, millis, &st);
    *error = st;
}
int srok_calendar_next_transition(srok_calendar *cal, double *out, int32_t *error) {
    UErrorCode st = U_ZERO_ERROR;
    UDate d = 0;
    UBool has = ucal_getTimeZoneTransitionDate((const UCalendar *)cal, UCAL_TZ_TRANSITION_NEXT, &d, &st);
    *error = st;
    if (U_FAILURE(st) || !has) return 0;
    *out = d;
    return 1;
}
int32_t srok_calendar_offset_millis(srok_calendar *cal, int32_t *error) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t raw = ucal_get((const UCalendar *)cal, UCAL_ZONE_OFFSET, &st);
    int32_t dst = ucal_get((const UCalendar *)cal, UCAL_DST_OFFSET, &st);
    *error = st;
    return raw + dst;
}

int srok_zone_canonical(const char *zone_id, char *buf, int32_t capacity) {
    UChar zone[SROK_MAX_ZONE], canon[SROK_MAX_ZONE];
    int32_t zlen = to_uchars(zone_id, zone, SROK_MAX_ZONE);
    if (zlen <= 0) return 0;
    UErrorCode st = U_ZERO_ERROR;
    UBool system = 0;
    int32_t clen = ucal_getCanonicalTimeZoneID(zone, zlen, canon, SROK_MAX_ZONE, &system, &st);
    if (U_FAILURE(st) || !system || clen <= 0) return 0;
    int32_t outLen = 0;
    u_strToUTF8(buf, capacity, &outLen, canon, clen, &st);
    if (U_FAILURE(st) || outLen >= capacity) return 0;
    buf[outLen] = 0;
    return 1;
}

const char *srok_tzdata_version(void) {
    UErrorCode st = U_ZERO_ERROR;
    const char *v = ucal_getTZDataVersion(&st);
    return U_FAILURE(st) ? "unknown" : v;
}

void srok_icu_version(char *buf, int32_t capacity) {
    UVersionInfo info;
    u_getVersion(info);
    char tmp[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, tmp);
    strncpy(buf, tmp, (size_t)capacity - 1);
    buf[capacity - 1] = 0;
}

srok_date_format *srok_date_format_open(const char *locale, const char *pattern, int32_t *error) {
    UChar pat[256], utc[4] = {'U', 'T', 'C', 0};
    int32_t plen = to_uchars(pattern, pat, 256);
    if (plen < 0) { *error = U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, 3, pat, plen, &st);
    *error = st;
    return U_FAILURE(st) ? NULL : (srok_date_format *)f;
}

srok_date_format *srok_date_format_open_style(const char *locale, int32_t style, int32_t *error) {
    UChar utc[4] = {'U', 'T', 'C', 0};
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_NONE, (UDateFormatStyle)style, locale, utc, 3, NULL, 0, &st);
    *error = st;
    return U_FAILURE(st) ? NULL : (srok_date_format *)f;
}

void srok_date_format_close(srok_date_format *fmt) { if (fmt) udat_close((UDateFormat *)fmt); }

int32_t srok_date_format_format(srok_date_format *fmt, double millis, char *buf, int32_t capacity) {
    UChar out[256];
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = udat_format((const UDateFormat *)fmt, millis, out, 256, NULL, &st);
    if (U_FAILURE(st)) return -1;
    int32_t outLen = 0;
    u_strToUTF8(buf, capacity, &outLen, out, len, &st);
    if (U_FAILURE(st) || outLen >= capacity) return -1;
    buf[outLen] = 0;
    return outLen;
}

srok_plural_rules *srok_plural_rules_open(const char *locale, int32_t *error) {
    UErrorCode st = U_ZERO_ERROR;
    UPluralRules *r = uplrules_openForType(locale, UPLURAL_TYPE_CARDINAL, &st);
    *error = st;
    return U_FAILURE(st) ? NULL : (srok_plural_rules *)r;
}

void srok_plural_rules_close(srok_plural_rules *rules) { if (rules) uplrules_close((UPluralRules *)rules); }

int32_t srok_plural_rules_select(srok_plural_rules *rules, double n, char *buf, int32_t capacity) {
    UChar out[32];
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = uplrules_select((const UPluralRules *)rules, n, out, 32, &st);
    if (U_FAILURE(st)) return -1;
    int32_t outLen = 0;
    u_strToUTF8(buf, capacity, &outLen, out, len, &st);
    if (U_FAILURE(st) || outLen >= capacity) return -1;
    buf[outLen] = 0;
    return outLen;
}

#define SROK_PIVOT 1024

struct srok_converter {
    UConverter *from;  /* the source charset */
    UConverter *to;    /* the target charset */
    UChar pivot[SROK_PIVOT];
    UChar *pivot_source, *pivot_target;
    int started;
};

static srok_converter *srok_converter_make(const char *from, const char *to, int stop, int32_t *error) {
    UErrorCode st = U_ZERO_ERROR;
    srok_converter *c = calloc(1, sizeof *c);
    if (!c) { *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    c->from = ucnv_open(from, &st);
    if (U_SUCCESS(st)) c->to = ucnv_open(to, &st);
    if (stop) {
        if (U_SUCCESS(st)) ucnv_setToUCallBack(c->from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    } else {
        static const UChar question[] = {0x3F};
        if (U_SUCCESS(st)) ucnv_setSubstString(c->to, question, 1, &st);
        if (U_SUCCESS(st)) ucnv_setFromUCallBack(c->to, UCNV_FROM_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &st);
    }
    if (U_FAILURE(st)) { srok_converter_close(c); *error = st; return NULL; }
    c->pivot_source = c->pivot_target = c->pivot;
    *error = 0;
    return c;
}

srok_converter *srok_converter_open(const char *charset, int32_t *error) {
    return srok_converter_make(charset, "UTF-8", 1, error);
}

srok_converter *srok_converter_open_to(const char *charset, int32_t *error) {
    return srok_converter_make("UTF-8", charset, 0, error);
}

void srok_converter_close(srok_converter *c) {
    if (!c) return;
    if (c->from) ucnv_close(c->from);
    if (c->to) ucnv_close(c->to);
    free(c);
}

int32_t srok_converter_convert(srok_converter *c, const uint8_t **input, const uint8_t *input_end,
                               uint8_t **output, uint8_t *output_end, int flush) {
    UErrorCode st = U_ZERO_ERROR;
    char *target = (char *)*output;
    const char *source = (const char *)*input;
    ucnv_convertEx(c->to, c->from, &target, (const char *)output_end, &source, (const char *)input_end,
                   c->pivot, &c->pivot_source, &c->pivot_target, c->pivot + SROK_PIVOT, !c->started, flush != 0, &st);
    c->started = 1;
    *output = (uint8_t *)target;
    *input = (const uint8_t *)source;
    return st;
}

int32_t srok_converter_invalid(srok_converter *c, uint8_t *buf, int32_t capacity) {
    UErrorCode st = U_ZERO_ERROR;
    int8_t len = (int8_t)(capacity > 127 ? 127 : capacity);
    ucnv_getInvalidChars(c->from, (char *)buf, &len, &st);
    return U_FAILURE(st) ? 0 : len;
}

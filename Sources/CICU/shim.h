#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/upluralrules.h>
#include <unicode/ustring.h>
#include <unicode/uloc.h>

// The C declarations of libSrokC.so live in include/srok.h; the functions are implemented in Swift
// (Sources/SrokC, `@_cdecl`). This file only pins the structs' layout, which is part of the ABI
// (SROK_ABI_VERSION): a change that moves a field fails the build here.
#include "srok.h"

_Static_assert(sizeof(srok_error) == 8 + 8 + SROK_ERROR_FIELD_CAPACITY + SROK_ERROR_MESSAGE_CAPACITY, "srok_error");
_Static_assert(sizeof(srok_request) == 72, "srok_request");
_Static_assert(sizeof(srok_date) == 16, "srok_date");
_Static_assert(sizeof(srok_stage_plan) == 16, "srok_stage_plan");
_Static_assert(sizeof(srok_due_result) == 152, "srok_due_result");
_Static_assert(sizeof(srok_open_options) == 56, "srok_open_options");
_Static_assert(sizeof(srok_code) == 4, "srok_code");

// libxml2 (libxml2-dev), seen only by the CXLSX C target: no Swift module imports it.
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

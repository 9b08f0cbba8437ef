// libxlsxwriter (Debian libxlsxwriter-dev, pkg-config `xlsxwriter`): the Excel report writer.
// Its headers were checked to import cleanly beside Foundation, FoundationXML, Glibc and Dispatch
// in one Swift module (all its names are lxw_/LXW_-prefixed; it brings no ICU), so no C shim sits
// in between. Only Sources/SrokBatch/Report imports it, with `internal import`.
#include <xlsxwriter.h>

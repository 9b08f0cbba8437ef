// minizip (libminizip-dev, zlib's contrib unzip), seen only by the CXLSX C target.
#include <unzip.h>

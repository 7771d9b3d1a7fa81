#ifndef MAATSTAF_CXLSXWRITER_SHIM_H
#define MAATSTAF_CXLSXWRITER_SHIM_H

// libxlsxwriter (Debian's libxlsxwriter-dev): writes real .xlsx files — number cells with formats, frozen panes —
// from C, without a spreadsheet program. Its API has no variadic functions, so it is used directly.
#include <xlsxwriter.h>

#endif

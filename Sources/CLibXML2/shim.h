/* libxml2 for Swift. Debian builds libxml2 with ICU, whose headers clash with Foundation's
   own ICU copy; nothing here uses ICU converters (only pointers to handlers), so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

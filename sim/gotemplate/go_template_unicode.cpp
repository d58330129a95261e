// Character classes and case mapping for GoTemplate: approximations of Go's unicode tables that
// cover the scripts a template is likely to contain.
#include "sim/gotemplate/go_template_internal.hpp"

namespace sim::gotemplate::detail {

// ---- character classes (approximations of Go's unicode tables) -------------------------------

bool isSpace(char32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }

// unicode.IsLetter || unicode.IsDigit for the scripts a template is likely to contain.
bool isLetterOrDigitRune(char32_t r) {
    if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9');
    if (r == 0xAA || r == 0xB5 || r == 0xBA) return true;
    if (inRange(r, 0xC0, 0x24F)) return r != 0xD7 && r != 0xF7;
    return inRange(r, 0x250, 0x2AF) || inRange(r, 0x370, 0x3FF) || inRange(r, 0x400, 0x52F) ||
           inRange(r, 0x531, 0x587) || inRange(r, 0x5D0, 0x5EA) || inRange(r, 0x620, 0x64A) ||
           inRange(r, 0x660, 0x669) || inRange(r, 0x900, 0x97F) || inRange(r, 0xE00, 0xE7F) ||
           inRange(r, 0x1100, 0x11FF) || inRange(r, 0x1E00, 0x1FFF) || inRange(r, 0x3041, 0x3096) ||
           inRange(r, 0x30A1, 0x30FA) || inRange(r, 0x3131, 0x318E) || inRange(r, 0x3400, 0x4DBF) ||
           inRange(r, 0x4E00, 0x9FFF) || inRange(r, 0xAC00, 0xD7A3) || inRange(r, 0xF900, 0xFAFF) ||
           inRange(r, 0xFF10, 0xFF19) || inRange(r, 0xFF21, 0xFF3A) || inRange(r, 0xFF41, 0xFF5A) ||
           inRange(r, 0x20000, 0x2FA1F);
}

bool isAlphaNumeric(char32_t r) { return r == '_' || isLetterOrDigitRune(r); }

// strconv.IsPrint: everything is printable except controls, non-ASCII spaces, format characters
// and private use (approximated by the ranges below).
bool isPrintRune(char32_t r) {
    if (r < 0x80) return r >= 0x20 && r < 0x7F;
    if (r < 0xA1 || r == 0xAD) return false;
    if (inRange(r, 0x2000, 0x200F) || inRange(r, 0x2028, 0x202F) || inRange(r, 0x205F, 0x206F)) return false;
    if (r == 0x3000 || r == 0xFEFF || inRange(r, 0xFFF9, 0xFFFB) || r == 0xFFFE || r == 0xFFFF) return false;
    if (inRange(r, 0xD800, 0xF8FF)) return false;  // surrogates, private use
    return r <= 0x10FFFF && !inRange(r, 0xF0000, 0x10FFFF);
}

// unicode.IsSpace beyond ASCII.
bool isUnicodeSpace(char32_t r) {
    return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0 || r == 0x1680 ||
           inRange(r, 0x2000, 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000;
}

// unicode.ToUpper / ToLower for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
char32_t toUpperRune(char32_t r) {
    if (r >= 'a' && r <= 'z') return r - 32;
    if (r < 0x80) return r;
    if (inRange(r, 0xE0, 0xFE) && r != 0xF7) return r - 32;
    if (r == 0xFF) return 0x178;
    if (r == 0xB5) return 0x39C;
    if (r == 0x131) return 'I';
    if (r == 0x17F) return 'S';
    if ((inRange(r, 0x100, 0x137) || inRange(r, 0x14A, 0x177)) && (r % 2 == 1)) return r - 1;
    if ((inRange(r, 0x139, 0x148) || inRange(r, 0x179, 0x17E)) && (r % 2 == 0)) return r - 1;
    if (inRange(r, 0x3B1, 0x3C1) || inRange(r, 0x3C3, 0x3CB)) return r - 32;
    if (r == 0x3C2) return 0x3A3;
    if (r == 0x3AC) return 0x386;
    if (inRange(r, 0x3AD, 0x3AF)) return r - 37;
    if (r == 0x3CC) return 0x38C;
    if (inRange(r, 0x3CD, 0x3CE)) return r - 63;
    if (inRange(r, 0x430, 0x44F)) return r - 32;
    if (inRange(r, 0x450, 0x45F)) return r - 80;
    return r;
}

char32_t toLowerRune(char32_t r) {
    if (r >= 'A' && r <= 'Z') return r + 32;
    if (r < 0x80) return r;
    if (inRange(r, 0xC0, 0xDE) && r != 0xD7) return r + 32;
    if (r == 0x178) return 0xFF;
    if (r == 0x130) return 'i';
    if ((inRange(r, 0x100, 0x137) || inRange(r, 0x14A, 0x177)) && (r % 2 == 0)) return r + 1;
    if ((inRange(r, 0x139, 0x148) || inRange(r, 0x179, 0x17E)) && (r % 2 == 1)) return r + 1;
    if (inRange(r, 0x391, 0x3A1) || inRange(r, 0x3A3, 0x3AB)) return r + 32;
    if (r == 0x386) return 0x3AC;
    if (inRange(r, 0x388, 0x38A)) return r + 37;
    if (r == 0x38C) return 0x3CC;
    if (inRange(r, 0x38E, 0x38F)) return r + 63;
    if (inRange(r, 0x410, 0x42F)) return r + 32;
    if (inRange(r, 0x400, 0x40F)) return r + 80;
    return r;
}

}  // namespace sim::gotemplate::detail

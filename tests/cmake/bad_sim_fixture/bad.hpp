// Fixture: a sim/ file that breaks the dependency rule.
#include <QString>

#pragma once

#include <QString>
#include <QStringList>

class QTranslator;

namespace docknet::gui {

// UI languages that ship a translation (assets/translations/docknet_<lang>.ts).
QStringList supportedLanguages();

// Picks the UI language: `requested` if given (must be one of supportedLanguages()),
// otherwise the first supported language of the system locale, otherwise English.
// Returns an empty string if `requested` is not supported.
QString chooseLanguage(const QString& requested);

// Loads the embedded :/i18n/docknet_<lang>.qm into `appTranslator` and, when Qt ships one,
// Qt's own qtbase_<lang>.qm (dialog buttons) into `qtTranslator`. Does not install them.
// Returns false if the docknet translation could not be loaded.
bool loadTranslations(const QString& lang, QTranslator& appTranslator, QTranslator& qtTranslator);

}  // namespace docknet::gui

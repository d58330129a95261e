#include "translations.hpp"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace docknet::gui {

QStringList supportedLanguages() { return {QStringLiteral("en"), QStringLiteral("ko")}; }

QString chooseLanguage(const QString& requested) {
  const QStringList supported = supportedLanguages();
  if (!requested.isEmpty()) {
    return supported.contains(requested) ? requested : QString();
  }
  // uiLanguages() is ordered by preference, e.g. "ko-KR", "ko", "en-US".
  for (const QString& ui : QLocale::system().uiLanguages()) {
    const QString lang = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
    if (supported.contains(lang)) {
      return lang;
    }
  }
  return QStringLiteral("en");
}

bool loadTranslations(const QString& lang, QTranslator& appTranslator, QTranslator& qtTranslator) {
  // Qt's own strings are optional (package qt6-translations-l10n); there is no qtbase_en.
  if (lang != QStringLiteral("en")) {
    (void)qtTranslator.load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
  }
  return appTranslator.load(QStringLiteral(":/i18n/docknet_") + lang + QStringLiteral(".qm"));
}

}  // namespace docknet::gui

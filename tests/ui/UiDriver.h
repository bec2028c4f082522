#pragma once
// Drives the real app the way a person does: the real Main.qml in a QQmlApplicationEngine on an
// offscreen window, the real VaultController on a real vault. Items are found by what a person
// (or a screen reader) sees of them, their type and Accessible.name or text; buttons are pressed
// with mouse clicks at their centre and fields are typed into with key presses.
//
// Every Qt message is recorded (MessageLog), so each test can fail on QML warnings.
#include "EntryDetails.h"
#include "EntryEditor.h"
#include "VaultController.h"
#include "crypto/PasswordHash.h"
#include "platform/MemorySecretStore.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <ostream>

// Catch prints QStrings readably in failure messages.
inline std::ostream& operator<<(std::ostream& os, const QString& s) { return os << s.toStdString(); }

namespace pt::uitest {

inline const crypto::pwhash::Params FastKdf{1, 8u * 1024u * 1024u};
inline const QString Passphrase = QStringLiteral("correct horse battery staple");
inline constexpr QSize PhoneSize{390, 844};
inline constexpr QSize DesktopSize{1280, 800};
inline constexpr int WaitMs = 10000;

// Every message Qt and QML print, kept per test.
class MessageLog {
public:
    static void install();
    // Quiet: recorded but not printed (for warnings a test provokes on purpose).
    static void setQuiet(bool quiet);
    static void clear();
    [[nodiscard]] static QStringList all();
    // Warnings about our QML: anything naming qrc:/PaperTrail, and binding loops anywhere.
    [[nodiscard]] static QStringList qmlProblems();
};

// Fails the test on any QML problem recorded since the test case started (main.cpp clears the
// log at the start of each).
#define PT_CHECK_NO_QML_WARNINGS()                                                                                     \
    do {                                                                                                               \
        const QStringList problems_ = ::pt::uitest::MessageLog::qmlProblems();                                        \
        INFO(problems_.join(QLatin1Char('\n')).toStdString());                                                         \
        CHECK(problems_.isEmpty());                                                                                    \
    } while (false)

// The driver's own failures: FAIL() inside a Catch test; in the draft writer (a child process
// with no Catch session) a message on stderr and exit code 2.
void setRunningUnderCatch(bool underCatch);
void ensure(bool condition, const QString& what);

// A vault made with core::Vault::create and cheap KDF parameters, closed again. `seed` may add
// entries while it is unlocked.
QString makeVault(const QString& dir, const std::function<void(core::Vault&)>& seed = {});
// A real PNG file (width x height, a gradient).
QString writePng(const QString& path, int width = 64, int height = 48);
bool waitFor(const std::function<bool()>& condition, int ms = WaitMs);

// Type checks that work for C++ classes ("QQuickTextField") and QML types ("EntryCard").
bool isA(const QObject* object, const char* type);
// The Accessible.name set on an item, or an empty string.
QString accessibleName(const QQuickItem* item);
// A field for a passphrase or the recovery key asks keyboards not to learn, suggest or
// capitalise what is typed (Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase).
bool hasSecretInputHints(const QQuickItem* field);

class Ui {
public:
    // `keychain` outlives this Ui when a test wants the device key to survive an app restart;
    // without it the controller gets a fresh in-memory keychain.
    // `beforeLoad` runs before Main.qml loads, for tests that replace the keychain or give the
    // engine a network access manager factory.
    using BeforeLoad = std::function<void(gui::VaultController&, QQmlEngine&)>;
    explicit Ui(const QString& vaultPath, QSize size = PhoneSize,
                std::shared_ptr<platform::MemorySecretStore> keychain = {}, const BeforeLoad& beforeLoad = {});
    ~Ui();
    Ui(const Ui&) = delete;
    Ui& operator=(const Ui&) = delete;

    [[nodiscard]] gui::VaultController& controller() { return *m_controller; }
    [[nodiscard]] QQuickWindow* window() const { return m_window; }
    [[nodiscard]] QQmlApplicationEngine& engine() { return *m_engine; }

    // Every visible item of `type` for which `match` holds (all of them without `match`).
    [[nodiscard]] QList<QQuickItem*> all(const char* type, const std::function<bool(QQuickItem*)>& match = {}) const;
    [[nodiscard]] QQuickItem* named(const char* type, const QString& accessibleName) const;
    [[nodiscard]] QQuickItem* withText(const char* type, const QString& text) const;
    // Waits until exactly one such item is visible and has stopped moving, and returns it
    // (fails the test if it never appears).
    QQuickItem* waitNamed(const char* type, const QString& accessibleName, int ms = WaitMs);
    QQuickItem* waitText(const char* type, const QString& text, int ms = WaitMs);
    // The one visible page of a QML type (EditorPage, EntryPage, ...), once transitions end.
    QQuickItem* waitPage(const char* type, int ms = WaitMs);
    [[nodiscard]] QQuickItem* page(const char* type) const;

    // Visible controls, texts and images that reach past the window's left or right edge (a control pushed
    // off the side cannot be reached, a text cut at the edge cannot be read), described.
    [[nodiscard]] QStringList outsideWindow() const;

    // Waits for stack views and popups to finish their transitions.
    void settle();
    // Scrolls the Flickable the item is in, as a person would, until the item is in view.
    void scrollIntoView(QQuickItem* item);
    // A left click at the item's centre (fails unless it is visible and enabled, and on screen
    // once scrolled into view).
    void click(QQuickItem* item);
    void clickNamed(const char* type, const QString& accessibleName) { click(waitNamed(type, accessibleName)); }
    // Presses at the item's centre past the press-and-hold interval, then lets go.
    void pressAndHold(QQuickItem* item);
    void clickText(const char* type, const QString& text) { click(waitText(type, text)); }
    // Clicks into the field, checks that it took the keyboard focus, and types.
    void typeInto(QQuickItem* field, const QString& text);
    // Key presses into whatever has the focus; "\n" presses Return.
    void typeText(const QString& text);
    void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

    // The unlock page's passphrase field, typing and the Unlock button; waits for the main view.
    void unlockWithPassphrase(const QString& passphrase = Passphrase);
    // The editor behind the visible EditorPage, the details behind the visible EntryPage.
    [[nodiscard]] gui::EntryEditor* editor() const;
    [[nodiscard]] gui::EntryDetails* details() const;

    // Destroys the QML (as closing the app does), then the controller (which locks).
    void shutdown();

private:
    [[nodiscard]] QQuickItem* rootItem() const;
    QQuickItem* waitOne(const char* type, const std::function<bool(QQuickItem*)>& match, const QString& what, int ms);

    std::unique_ptr<gui::VaultController> m_controller;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
};

} // namespace pt::uitest

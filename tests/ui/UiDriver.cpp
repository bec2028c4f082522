#include "UiDriver.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "vault/VaultKeys.h"
#include "platform/MemorySecretStore.h"

#include <QCoreApplication>
#include <QImage>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QTest>
#include <QVariant>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace pt::uitest {

namespace {

// Messages may come from Qt's threads (the pixmap reader, workers).
QMutex g_logMutex;
QStringList g_log; // "warning: <message>"
QtMessageHandler g_previousHandler = nullptr;
std::atomic<bool> g_attachmentProviderMissing = false;
std::atomic<bool> g_quiet = false;
bool g_underCatch = true;

void recordMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    static const char* const names[] = {"debug", "warning", "critical", "fatal", "info"};
    // console.warn() and friends carry their QML file only in the context.
    QString line = QStringLiteral("%1: %2").arg(QLatin1String(names[type]), message);
    if (context.file && !message.contains(QLatin1String(context.file)))
        line += QStringLiteral(" (%1:%2)").arg(QString::fromUtf8(context.file)).arg(context.line);
    {
        QMutexLocker lock(&g_logMutex);
        g_log << line;
    }
    if (type != QtDebugMsg && type != QtInfoMsg && g_previousHandler && !g_quiet)
        g_previousHandler(type, context, message);
}

void waitFrames() { QTest::qWait(20); }

// Hands every call to a keychain shared between app runs; answers for a controller that is gone
// are dropped, as when the real app exits.
class SharedKeychain final : public platform::SecretStore {
public:
    explicit SharedKeychain(std::shared_ptr<platform::MemorySecretStore> store) : m_store(std::move(store)) {}
    void write(const QString& key, crypto::ByteView secret, Callback done) override
    {
        m_store->write(key, secret, guard(std::move(done)));
    }
    void read(const QString& key, Callback done) override { m_store->read(key, guard(std::move(done))); }
    void remove(const QString& key, Callback done) override { m_store->remove(key, guard(std::move(done))); }

private:
    Callback guard(Callback done)
    {
        return [alive = QPointer<QObject>(&m_alive), done = std::move(done)](platform::SecretResult result) {
            if (alive)
                done(std::move(result));
        };
    }
    std::shared_ptr<platform::MemorySecretStore> m_store;
    QObject m_alive;
};

} // namespace

void setRunningUnderCatch(bool underCatch) { g_underCatch = underCatch; }

void ensure(bool condition, const QString& what)
{
    if (condition)
        return;
    if (g_underCatch)
        FAIL(what.toStdString());
    std::fprintf(stderr, "failed: %s\n", qPrintable(what));
    std::_Exit(2);
}

void MessageLog::install() { g_previousHandler = qInstallMessageHandler(recordMessage); }

void MessageLog::setQuiet(bool quiet) { g_quiet = quiet; }

void MessageLog::clear()
{
    QMutexLocker lock(&g_logMutex);
    g_log.clear();
}

QStringList MessageLog::all()
{
    QMutexLocker lock(&g_logMutex);
    return g_log;
}

QStringList MessageLog::qmlProblems()
{
    QStringList problems;
    for (const QString& line : all()) {
        if (line.startsWith(QLatin1String("debug:")) || line.startsWith(QLatin1String("info:")))
            continue;
        // Known and reported separately (see Ui::Ui): with no "attachment" image provider every
        // attached image fails to load.
        if (g_attachmentProviderMissing && line.contains(QLatin1String("Invalid image provider: image://attachment/")))
            continue;
        if (line.contains(QLatin1String("qrc:/PaperTrail")) || line.contains(QLatin1String("inding loop")))
            problems << line;
    }
    return problems;
}

QString makeVault(const QString& dir, const std::function<void(core::Vault&)>& seed)
{
    const QByteArray passphrase = Passphrase.toUtf8();
    QString recoveryKey;
    auto vault = core::Vault::create(dir, core::bytesOf(passphrase), FastKdf, &recoveryKey);
    ensure(vault.ok(), QStringLiteral("core::Vault::create: ") + (vault.ok() ? QString() : vault.error().message));
    if (seed)
        seed(**vault);
    return recoveryKey;
}

QString writePng(const QString& path, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x * 255 / width, y * 255 / height, 128));
    ensure(image.save(path, "PNG"), QStringLiteral("could not write ") + path);
    return path;
}

bool waitFor(const std::function<bool()>& condition, int ms) { return QTest::qWaitFor(condition, ms); }

bool isA(const QObject* object, const char* type)
{
    if (!object)
        return false;
    if (object->inherits(type))
        return true;
    // QML-defined types: "EntryCard_QMLTYPE_12" and the like, anywhere up the chain.
    const QByteArray prefix = QByteArray(type) + "_QML";
    for (const QMetaObject* mo = object->metaObject(); mo; mo = mo->superClass())
        if (QByteArray(mo->className()).startsWith(prefix))
            return true;
    return false;
}

QString accessibleName(const QQuickItem* item)
{
    // Accessible.name lives on the attached object, which QML parents to the item.
    if (!item)
        return {};
    for (const QObject* child : item->children())
        if (child->inherits("QQuickAccessibleAttached"))
            return child->property("name").toString();
    return {};
}

bool hasSecretInputHints(const QQuickItem* field)
{
    constexpr int wanted = Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase;
    return field && (field->property("inputMethodHints").toInt() & wanted) == wanted;
}

Ui::Ui(const QString& vaultPath, QSize size, std::shared_ptr<platform::MemorySecretStore> keychain,
       const BeforeLoad& beforeLoad)
{
    m_controller = std::make_unique<gui::VaultController>();
    if (keychain)
        m_controller->setSecretStore(std::make_unique<SharedKeychain>(std::move(keychain)));
    else
        m_controller->setSecretStore(std::make_unique<platform::MemorySecretStore>());
    m_controller->setVaultPath(vaultPath);

    // As in main.cpp: the controller is owned here and handed to Main.qml.
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(m_controller.get())},
                                    {QStringLiteral("width"), size.width()},
                                    {QStringLiteral("height"), size.height()}});
    m_controller->installImageProvider(*m_engine); // as main.cpp does
    g_attachmentProviderMissing = m_engine->imageProvider(QStringLiteral("attachment")) == nullptr;
    if (beforeLoad)
        beforeLoad(*m_controller, *m_engine);
    m_engine->load(QUrl(QStringLiteral("qrc:/PaperTrail/Main.qml")));
    ensure(m_engine->rootObjects().size() == 1, QStringLiteral("Main.qml did not load"));
    m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().first());
    ensure(m_window != nullptr, QStringLiteral("Main.qml's root is not a window"));
    ensure(QTest::qWaitForWindowExposed(m_window), QStringLiteral("the window was never exposed"));
    m_window->requestActivate();
    ensure(QTest::qWaitForWindowActive(m_window), QStringLiteral("the window never became active"));
    ensure(m_window->size() == size, QStringLiteral("the window is %1x%2, not %3x%4")
                                         .arg(m_window->width())
                                         .arg(m_window->height())
                                         .arg(size.width())
                                         .arg(size.height()));
    settle();
}

Ui::~Ui() { shutdown(); }

void Ui::shutdown()
{
    m_window = nullptr;
    m_engine.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_controller.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

QQuickItem* Ui::rootItem() const { return m_window ? m_window->contentItem() : nullptr; }

QList<QQuickItem*> Ui::all(const char* type, const std::function<bool(QQuickItem*)>& match) const
{
    QList<QQuickItem*> found;
    std::function<void(QQuickItem*)> walk = [&](QQuickItem* item) {
        if (!item->isVisible())
            return;
        if (isA(item, type) && (!match || match(item)))
            found << item;
        for (QQuickItem* child : item->childItems())
            walk(child);
    };
    if (QQuickItem* root = rootItem())
        walk(root);
    return found;
}

QStringList Ui::outsideWindow() const
{
    const qreal windowWidth = m_window->width();
    QStringList outside;
    for (QQuickItem* item : all("QQuickItem", [](QQuickItem* i) {
             return i->width() > 0 && i->opacity() > 0 && (isA(i, "QQuickControl") || isA(i, "QQuickText") || isA(i, "QQuickImage"));
         })) {
        // Content a person scrolls sideways to (a wide grid in a Flickable) is reachable.
        bool scrollsSideways = false;
        for (QQuickItem* p = item->parentItem(); p && !scrollsSideways; p = p->parentItem())
            scrollsSideways = isA(p, "QQuickFlickable") && p->property("contentWidth").toReal() > p->width() + 1;
        if (scrollsSideways)
            continue;
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        if (r.left() < -1 || r.right() > windowWidth + 1)
            outside << QStringLiteral("%1 \"%2\" %3..%4")
                           .arg(QString::fromLatin1(item->metaObject()->className()), item->property("text").toString(),
                                QString::number(r.left()), QString::number(r.right()));
    }
    return outside;
}

QQuickItem* Ui::named(const char* type, const QString& name) const
{
    const auto found = all(type, [&](QQuickItem* i) { return accessibleName(i) == name; });
    return found.size() == 1 ? found.first() : nullptr;
}

QQuickItem* Ui::withText(const char* type, const QString& text) const
{
    const auto found = all(type, [&](QQuickItem* i) { return i->property("text").toString() == text; });
    return found.size() == 1 ? found.first() : nullptr;
}

QQuickItem* Ui::waitOne(const char* type, const std::function<bool(QQuickItem*)>& match, const QString& what, int ms)
{
    QList<QQuickItem*> found;
    const bool appeared = waitFor(
        [&] {
            found = all(type, match);
            return found.size() == 1;
        },
        ms);
    ensure(appeared,
           QStringLiteral("waiting for one visible %1 %2, found %3").arg(QLatin1String(type), what).arg(found.size()));
    settle();
    QQuickItem* item = found.first();
    // Stopped moving: the same place and size on two looks a few frames apart.
    QRectF last;
    waitFor([&] {
        const QRectF now(item->mapToScene(QPointF(0, 0)), item->size());
        const bool still = now == last;
        last = now;
        waitFrames();
        return still;
    });
    return item;
}

QQuickItem* Ui::waitNamed(const char* type, const QString& name, int ms)
{
    return waitOne(type, [&](QQuickItem* i) { return accessibleName(i) == name; },
                   QStringLiteral("named \"%1\"").arg(name), ms);
}

QQuickItem* Ui::waitText(const char* type, const QString& text, int ms)
{
    return waitOne(type, [&](QQuickItem* i) { return i->property("text").toString() == text; },
                   QStringLiteral("with text \"%1\"").arg(text), ms);
}

QQuickItem* Ui::page(const char* type) const
{
    const auto found = all(type);
    return found.size() == 1 ? found.first() : nullptr;
}

QQuickItem* Ui::waitPage(const char* type, int ms) { return waitOne(type, {}, QStringLiteral("page"), ms); }

void Ui::settle()
{
    if (!m_window)
        return;
    const bool still = waitFor([&] {
        const auto objects = m_window->findChildren<QObject*>();
        for (QObject* o : objects) {
            if (o->inherits("QQuickStackView") && o->property("busy").toBool())
                return false;
            // A popup that is visible but not (or no longer) opened is in its enter or exit transition.
            if (o->inherits("QQuickPopup") && o->property("visible").toBool() != o->property("opened").toBool())
                return false;
        }
        return true;
    });
    ensure(still, QStringLiteral("stack views or popups never stopped moving"));
    waitFrames();
}

void Ui::click(QQuickItem* item)
{
    ensure(item != nullptr, QStringLiteral("clicking nothing"));
    const QString what = QStringLiteral("%1 \"%2\" (text \"%3\")")
                             .arg(QLatin1String(item->metaObject()->className()), accessibleName(item),
                                  item->property("text").toString());
    ensure(item->isVisible(), QStringLiteral("clicking the hidden ") + what);
    ensure(item->isEnabled(), QStringLiteral("clicking the disabled ") + what);
    scrollIntoView(item);
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    ensure(QRectF(QPointF(0, 0), m_window->size()).contains(centre), QStringLiteral("clicking the off-screen ") + what);
    QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    settle();
}

void Ui::scrollIntoView(QQuickItem* item)
{
    for (QQuickItem* flick = item->parentItem(); flick; flick = flick->parentItem()) {
        if (!isA(flick, "QQuickFlickable"))
            continue;
        const QRectF inFlick = item->mapRectToItem(flick, QRectF(0, 0, item->width(), item->height()));
        if (inFlick.top() >= 0 && inFlick.bottom() <= flick->height())
            return;
        const qreal contentY = flick->property("contentY").toReal();
        const qreal most = std::max<qreal>(0, flick->property("contentHeight").toReal() - flick->height());
        const qreal target = contentY + inFlick.center().y() - flick->height() / 2;
        flick->setProperty("contentY", std::clamp<qreal>(target, 0, most));
        settle();
        return;
    }
}

void Ui::pressAndHold(QQuickItem* item)
{
    ensure(item != nullptr && item->isVisible() && item->isEnabled(), QStringLiteral("pressing and holding nothing"));
    const QPoint centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mousePress(m_window, Qt::LeftButton, Qt::NoModifier, centre);
    QTest::qWait(1200); // Qt Quick's press-and-hold interval is 800 ms
    QTest::mouseRelease(m_window, Qt::LeftButton, Qt::NoModifier, centre);
    settle();
}

void Ui::typeInto(QQuickItem* field, const QString& text)
{
    click(field);
    ensure(waitFor([&] { return field->hasActiveFocus(); }, 2000),
           QStringLiteral("clicking \"%1\" did not give it the keyboard focus").arg(accessibleName(field)));
    typeText(text);
}

void Ui::typeText(const QString& text)
{
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            key(Qt::Key_Return);
        } else if (c.unicode() < 0x80) {
            QTest::keyClick(m_window, char(c.unicode()));
        } else {
            QTest::sendKeyEvent(QTest::Click, m_window, Qt::Key(c.toUpper().unicode()), QString(c), Qt::NoModifier);
        }
    }
}

void Ui::key(Qt::Key key, Qt::KeyboardModifiers modifiers) { QTest::keyClick(m_window, key, modifiers); }

void Ui::unlockWithPassphrase(const QString& passphrase)
{
    typeInto(waitNamed("QQuickTextField", QStringLiteral("Passphrase")), passphrase);
    clickNamed("QQuickAbstractButton", QStringLiteral("Unlock"));
    ensure(waitFor([&] { return m_controller->state() == gui::VaultController::State::Unlocked; }),
           QStringLiteral("not unlocked: ") + m_controller->errorMessage());
    waitPage("MainView");
}

gui::EntryEditor* Ui::editor() const
{
    QQuickItem* p = page("EditorPage");
    return p ? p->findChild<gui::EntryEditor*>() : nullptr;
}

gui::EntryDetails* Ui::details() const
{
    QQuickItem* p = page("EntryPage");
    return p ? p->findChild<gui::EntryDetails*>() : nullptr;
}

} // namespace pt::uitest

// The check every interface test ends with is not vacuous: a binding loop, a script error and a
// console.warn() in a file of our QML module are all reported.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QQmlComponent>
#include <QQmlEngine>

#include <algorithm>
#include <memory>

using namespace pt::uitest;

TEST_CASE("The QML warning check catches binding loops, script errors and console warnings", "[ui][harness]")
{
    MessageLog::clear();
    MessageLog::setQuiet(true);
    {
        QQmlEngine engine;
        QQmlComponent component(&engine);
        component.setData("import QtQuick\n"
                          "Item {\n"
                          "    width: height + 1; height: width + 1\n"
                          "    Component.onCompleted: { console.warn('probe says hello'); missingThing.x = 1 }\n"
                          "}\n",
                          QUrl(QStringLiteral("qrc:/PaperTrail/WarningProbe.qml")));
        const std::unique_ptr<QObject> probe(component.create());
        REQUIRE(probe != nullptr);
    }
    MessageLog::setQuiet(false);
    const QStringList problems = MessageLog::qmlProblems();
    INFO(problems.join(QLatin1Char('\n')));
    auto reported = [&](const char* text) {
        return std::any_of(problems.cbegin(), problems.cend(),
                           [&](const QString& p) { return p.contains(QLatin1String(text)); });
    };
    CHECK(reported("Binding loop detected"));
    CHECK(reported("missingThing"));
    CHECK(reported("probe says hello"));
    MessageLog::clear();
}

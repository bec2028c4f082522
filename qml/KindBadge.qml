import QtQuick
import QtQuick.Controls.Material
import PaperTrail

// A round badge for an entry's kind, so the timeline can be scanned by eye.
Rectangle {
    id: badge
    property string kind: "note"
    readonly property var styles: ({
        "note": { glyph: "\u270E", color: "#546E7A" },
        "meeting": { glyph: "\u2637", color: "#3949AB" },
        "email": { glyph: "\u2709", color: "#00897B" },
        "screenshot": { glyph: "\u25A3", color: "#6D4C41" },
        "photo": { glyph: "\u25C9", color: "#5D4037" },
        "grade": { glyph: "\u2605", color: "#F9A825" },
        "shout-out": { glyph: "\u2665", color: "#D81B60" },
        "rebuttal": { glyph: "\u2696", color: "#8E24AA" },
        "incident": { glyph: "\u26A0", color: "#C62828" },
        "pip": { glyph: "\u2691", color: "#283593" },
        "pip-goal": { glyph: "\u25CE", color: "#283593" },
        "pip-extension": { glyph: "\u21E5", color: "#283593" },
        "check-in": { glyph: "\u2713", color: "#2E7D32" },
        "pip-outcome": { glyph: "\u2690", color: "#283593" },
        "pip-told": { glyph: "\u263A", color: "#00838F" }
    })
    readonly property var style: styles[kind] !== undefined ? styles[kind] : styles["note"]

    implicitWidth: Math.round(36 * TextScale.factor)
    implicitHeight: implicitWidth
    radius: width / 2
    color: style.color
    Accessible.role: Accessible.Graphic
    Accessible.name: KindNames.label(kind)

    Text {
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: badge.style.glyph
        color: "white"
        font.pixelSize: badge.height * 0.5
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// What goes into the archive: the days (either end open), kinds and tags (as the timeline's
// filters: an entry must carry every ticked tag), or exactly the entries picked of those
// (EntryPicker), earlier versions, deleted entries, and whose records they are. The controller
// counts what the choices hold as they change.
ColumnLayout {
    id: filters
    required property ExportController exporter
    spacing: 8

    function shown(day) {
        return Qt.formatDate(new Date(day + "T00:00:00"), "ddd d MMM yyyy")
    }
    function toggled(list, value, on) {
        const next = list.filter(v => v !== value)
        if (on)
            next.push(value)
        return next
    }

    Label {
        textFormat: Text.PlainText
        text: qsTr("What goes in")
        font.weight: Font.DemiBold
        font.pixelSize: TextScale.subtitle
    }

    GridLayout {
        columns: 3
        columnSpacing: 8
        rowSpacing: 0
        Layout.fillWidth: true

        Label {
            textFormat: Text.PlainText
            text: qsTr("From")
        }
        FilterButton {
            text: filters.exporter.fromDay.length > 0 ? filters.shown(filters.exporter.fromDay) : qsTr("The first entry")
            Accessible.name: qsTr("First day to export")
            Accessible.description: text
            Layout.fillWidth: true
            onClicked: picker.openFor("from")
        }
        ToolButton {
            text: "\u2715"
            enabled: filters.exporter.fromDay.length > 0
            Accessible.name: qsTr("No first day")
            onClicked: filters.exporter.fromDay = ""
        }
        Label {
            textFormat: Text.PlainText
            text: qsTr("To")
        }
        FilterButton {
            text: filters.exporter.toDay.length > 0 ? filters.shown(filters.exporter.toDay) : qsTr("The latest entry")
            Accessible.name: qsTr("Last day to export")
            Accessible.description: text
            Layout.fillWidth: true
            onClicked: picker.openFor("to")
        }
        ToolButton {
            text: "\u2715"
            enabled: filters.exporter.toDay.length > 0
            Accessible.name: qsTr("No last day")
            onClicked: filters.exporter.toDay = ""
        }
    }
    Label {
        textFormat: Text.PlainText
        visible: filters.exporter.daysBackwards
        text: qsTr("The first day is after the last one. Choose another first or last day.")
        color: Material.color(Material.Red)
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }

    Label {
        textFormat: Text.PlainText
        visible: filters.exporter.availableKinds.length > 1
        text: qsTr("Kinds (none ticked: every kind)")
        opacity: 0.8
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.topMargin: 4
    }
    Flow {
        visible: filters.exporter.availableKinds.length > 1
        spacing: 4
        Layout.fillWidth: true
        Repeater {
            model: filters.exporter.availableKinds
            delegate: ChoiceBox {
                required property string modelData
                text: KindNames.label(modelData)
                checked: filters.exporter.kinds.includes(modelData)
                Accessible.name: qsTr("Kind: %1").arg(text)
                onToggled: filters.exporter.kinds = filters.toggled(filters.exporter.kinds, modelData, checked)
            }
        }
    }

    Label {
        textFormat: Text.PlainText
        visible: filters.exporter.availableTags.length > 0
        text: qsTr("Tags (an entry must have every tag you tick; none ticked: whatever its tags)")
        opacity: 0.8
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.topMargin: 4
    }
    Flow {
        visible: filters.exporter.availableTags.length > 0
        spacing: 4
        Layout.fillWidth: true
        Repeater {
            model: filters.exporter.availableTags
            delegate: ChoiceBox {
                required property string modelData
                // A long tag wraps inside the row instead of reaching past it.
                width: Math.min(implicitWidth, filters.width)
                text: modelData
                checked: filters.exporter.tags.includes(modelData)
                Accessible.name: qsTr("Tag: %1").arg(modelData)
                onToggled: filters.exporter.tags = filters.toggled(filters.exporter.tags, modelData, checked)
            }
        }
    }

    Label {
        objectName: "pickSummary"
        textFormat: Text.PlainText
        text: !filters.exporter.handPicked
              ? qsTr("Every entry these days, kinds and tags hold goes in. Or choose exactly which.")
              : qsTr("Picked by hand: %1 (of %2 that these days, kinds and tags hold).").arg(filters.exporter.matching).arg(filters.exporter.filterMatching)
                + (filters.exporter.pickedOutside === 0 ? ""
                   : " " + (filters.exporter.pickedOutside === 1
                            ? qsTr("1 more picked entry is outside them, so it stays out unless they hold it again.")
                            : qsTr("%1 more picked entries are outside them, so they stay out unless they hold them again.").arg(filters.exporter.pickedOutside)))
        opacity: 0.8
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.topMargin: 4
    }
    Flow {
        spacing: 8
        Layout.fillWidth: true
        WrappingButton {
            text: qsTr("Choose entries\u2026")
            enabled: filters.exporter.filterMatching > 0
            Accessible.name: qsTr("Choose which entries go in")
            width: Math.min(implicitWidth, filters.width)
            onClicked: entryPicker.show()
        }
        WrappingButton {
            visible: filters.exporter.handPicked
            flat: true
            text: qsTr("Use every entry")
            Accessible.name: qsTr("Stop picking: every entry these choices hold goes in")
            width: Math.min(implicitWidth, filters.width)
            onClicked: filters.exporter.stopPicking()
        }
    }

    ChoiceBox {
        text: qsTr("Include every earlier version of edited entries")
        checked: filters.exporter.includeHistory
        Accessible.name: qsTr("Include earlier versions")
        onToggled: filters.exporter.includeHistory = checked
        Layout.fillWidth: true
    }
    ChoiceBox {
        text: qsTr("Include deleted entries (marked as deleted)")
        checked: filters.exporter.includeDeleted
        Accessible.name: qsTr("Include deleted entries")
        onToggled: filters.exporter.includeDeleted = checked
        Layout.fillWidth: true
    }

    Label {
        textFormat: Text.PlainText
        text: qsTr("Whose records (printed on the report's title page; optional)")
        opacity: 0.8
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
        Layout.topMargin: 4
    }
    TextField {
        text: filters.exporter.owner
        placeholderText: qsTr("Your name")
        inputMethodHints: Qt.ImhNoPredictiveText
        Accessible.name: qsTr("Whose records")
        Accessible.description: qsTr("Printed on the report's title page")
        Layout.fillWidth: true
        onTextEdited: filters.exporter.owner = text
    }

    EntryPicker {
        id: entryPicker
        exporter: filters.exporter
    }
    DayPicker {
        id: picker
        property string end: "from"
        function openFor(which) {
            end = which
            title = which === "from" ? qsTr("First day to export") : qsTr("Last day to export")
            openAt(which === "from" ? filters.exporter.fromDay : filters.exporter.toDay)
        }
        onPicked: (day) => {
            if (end === "from")
                filters.exporter.fromDay = day
            else
                filters.exporter.toDay = day
        }
    }
}

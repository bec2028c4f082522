import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import PaperTrail

// The timeline's filters: the kind, the tags, the days and whether deleted entries show. They
// combine (an entry is listed when it passes every one), and the row wraps rather than cut a
// label short: on a phone, or with a large system font, it takes a second row.
Flow {
    id: row
    required property TimelineModel timeline
    readonly property real room: width - leftPadding - rightPadding

    leftPadding: 8
    rightPadding: 8
    spacing: 4

    function dayRangeText() {
        const shown = (day) => Qt.formatDate(new Date(day + "T00:00:00"), "d MMM yyyy")
        const from = row.timeline.fromDay, to = row.timeline.toDay
        if (from.length > 0 && to.length > 0)
            return from === to ? qsTr("On %1").arg(shown(from)) : qsTr("%1 to %2").arg(shown(from)).arg(shown(to))
        if (from.length > 0)
            return qsTr("From %1").arg(shown(from))
        if (to.length > 0)
            return qsTr("Until %1").arg(shown(to))
        return qsTr("Any day")
    }

    FilterComboBox {
        width: Math.min(implicitWidth, row.room)
        implicitContentWidthPolicy: ComboBox.WidestText
        model: [qsTr("All kinds")].concat(row.timeline.kinds.map(k => KindNames.label(k)))
        // The model's filter is the truth (a lock resets it; the kinds change as entries do).
        currentIndex: row.timeline.kindFilter.length > 0 ? row.timeline.kinds.indexOf(row.timeline.kindFilter) + 1 : 0
        Accessible.name: qsTr("Show only this kind")
        onActivated: (i) => row.timeline.kindFilter = i === 0 ? "" : row.timeline.kinds[i - 1]
    }
    FilterButton {
        width: Math.min(implicitWidth, row.room)
        enabled: row.timeline.tags.length > 0 || row.timeline.tagFilter.length > 0
        text: row.timeline.tagFilter.length > 0 ? qsTr("Tagged: %1").arg(row.timeline.tagFilter.join(", ")) : qsTr("All tags")
        Accessible.name: qsTr("Show only entries with these tags")
        Accessible.description: text
        onClicked: tagDialog.openWith(row.timeline.tagFilter)
    }
    FilterButton {
        width: Math.min(implicitWidth, row.room)
        text: row.dayRangeText()
        Accessible.name: qsTr("Show only entries between two days")
        Accessible.description: text
        onClicked: dayDialog.openWith(row.timeline.fromDay, row.timeline.toDay)
    }
    CheckBox {
        width: Math.min(implicitWidth, row.room)
        text: qsTr("Show deleted entries")
        checked: row.timeline.showDeleted
        Accessible.name: text
        onToggled: row.timeline.showDeleted = checked
    }

    TagFilterDialog {
        id: tagDialog
        timeline: row.timeline
    }
    DayRangeDialog {
        id: dayDialog
        timeline: row.timeline
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PaperTrail

// A day chosen on a calendar (DayPicker), in and out as an ISO date ("2027-01-04").
Button {
    id: field
    property string day: ""
    property string label: qsTr("Day")
    signal picked(string day)
    flat: true
    text: day.length > 0 ? Qt.formatDate(new Date(day + "T00:00:00"), "ddd d MMM yyyy") : qsTr("Choose a day")
    Accessible.name: label
    Accessible.description: text
    onClicked: picker.openAt(field.day)

    DayPicker {
        id: picker
        title: field.label
        onPicked: (d) => { field.day = d; field.picked(d) }
    }
}

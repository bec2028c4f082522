import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// When something happened: a date and a time the person can correct, and "Now".
RowLayout {
    id: root
    property date value: new Date()
    signal edited(date value)

    function apply() {
        const d = Date.fromLocaleString(Qt.locale("C"), dateField.text + " " + timeField.text, "yyyy-MM-dd HH:mm")
        if (!isNaN(d.getTime()))
            root.edited(d)
    }

    TextField {
        id: dateField
        text: Qt.formatDate(root.value, "yyyy-MM-dd")
        inputMask: "9999-99-99"
        Layout.preferredWidth: 130
        Accessible.name: qsTr("Date it happened")
        onEditingFinished: root.apply()
    }
    TextField {
        id: timeField
        text: Qt.formatTime(root.value, "HH:mm")
        inputMask: "99:99"
        Layout.preferredWidth: 80
        Accessible.name: qsTr("Time it happened")
        onEditingFinished: root.apply()
    }
    Button {
        flat: true
        text: qsTr("Now")
        Accessible.name: qsTr("Set the time to now")
        onClicked: root.edited(new Date())
    }
}

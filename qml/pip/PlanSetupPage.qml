import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// Setting up the plan, in five minutes: its dates, who is involved, its problem areas and goals
// as the PIP words them, its grades, the PIP document itself, and when to be reminded. Editing
// it later changes the same fields (a new revision); goals are then edited one by one.
Page {
    id: page
    objectName: "planSetupPage"
    required property PipController pip
    property bool editing: false
    property var documents: []
    signal done()

    readonly property var plan: editing ? pip.plan : ({})

    function save() {
        const form = {
            title: title.text, start: start.day, end: end.day, manager: manager.text, hr: hr.text,
            union: unionField.text, employee: employee.text, areas: areas.text, notes: "",
            scale: scale.currentIndex === 0 ? "met" : scale.currentIndex === 1 ? "1-5" : ownScale.text,
            shoutOutsPerWeek: shoutOuts.value,
            checkInReminder: checkInReminder.checked ? checkInTime.text : "",
            oneOnOneDay: oneOnOneDay.currentIndex, oneOnOneTime: oneOnOneTime.text,
            endReminder: endReminder.checked,
            goals: goals.text, documents: page.documents
        }
        if (editing)
            form.notes = page.plan.notes || ""
        if (editing ? pip.updatePlan(form) : pip.createPlan(form))
            page.done()
    }

    Shortcut { sequence: StandardKey.Save; onActivated: page.save() }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "\u2190"
                font.pixelSize: TextScale.title
                Accessible.name: qsTr("Back without saving")
                onClicked: page.done()
            }
            Label {
                textFormat: Text.PlainText
                text: page.editing ? qsTr("The plan") : qsTr("Set up your plan")
                font.pixelSize: TextScale.heading
                Layout.fillWidth: true
            }
            ToolButton {
                text: qsTr("Save")
                Accessible.name: qsTr("Save the plan now")
                onClicked: page.save()
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: 16
            y: 12
            width: flick.width - 32
            spacing: 10

            Label {
                textFormat: Text.PlainText
                visible: !page.editing
                text: qsTr("Copy it from the PIP document as it is worded. Everything here is encrypted in your journal, and each change is kept in its history.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                visible: page.pip.errorMessage.length > 0
                text: page.pip.errorMessage
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            FieldLabel { text: qsTr("Name") }
            TextField {
                id: title
                text: page.plan.title || ""
                placeholderText: qsTr("PIP from Dana Smith")
                Layout.fillWidth: true
                Accessible.name: qsTr("Name of the plan")
            }
            FieldLabel { text: qsTr("Starts, and ends as the PIP says") }
            Flow {
                Layout.fillWidth: true
                DayField { id: start; day: page.plan.start || ""; label: qsTr("First day of the plan") }
                Label { textFormat: Text.PlainText; text: "\u2192"; height: start.height; verticalAlignment: Text.AlignVCenter }
                DayField { id: end; day: page.plan.end || ""; label: qsTr("Last day of the plan") }
            }
            FieldLabel { text: qsTr("Manager (name and email, for the drafts)") }
            TextField {
                id: manager
                text: page.plan.manager || ""
                placeholderText: qsTr("Dana Smith <dana@example.com>")
                Layout.fillWidth: true
                Accessible.name: qsTr("Manager")
                inputMethodHints: Qt.ImhNoAutoUppercase
            }
            FieldLabel { text: qsTr("Your name, as you sign emails") }
            TextField { id: employee; text: page.plan.employee || ""; Layout.fillWidth: true; Accessible.name: qsTr("Your name") }
            FieldLabel { text: qsTr("HR contact") }
            TextField { id: hr; text: page.plan.hr || ""; Layout.fillWidth: true; Accessible.name: qsTr("HR contact") }
            FieldLabel { text: qsTr("Union steward or representative") }
            TextField { id: unionField; text: page.plan.union || ""; Layout.fillWidth: true; Accessible.name: qsTr("Union contact") }
            FieldLabel { text: qsTr("Problem areas the PIP names, one a line") }
            FormTextArea {
                id: areas
                text: page.plan.areas || ""
                placeholderText: qsTr("Ticket response times\nReporting")
                Layout.fillWidth: true
                Layout.minimumHeight: 64
                Accessible.name: qsTr("Problem areas, one a line")
            }
            FieldLabel { visible: !page.editing; text: qsTr("Goals, one a line, in the PIP's words") }
            FormTextArea {
                id: goals
                visible: !page.editing
                placeholderText: qsTr("Respond to every P1 ticket within 4 hours\nDeliver the monthly report on time")
                Layout.fillWidth: true
                Layout.minimumHeight: 96
                Accessible.name: qsTr("Goals, one a line")
            }
            FieldLabel { text: qsTr("How the manager grades") }
            ComboBox {
                id: scale
                model: [qsTr("Met / Partly met / Not met"), qsTr("1 to 5"), qsTr("The plan's own words")]
                currentIndex: !page.editing || page.plan.scale === "met" ? 0 : page.plan.scale === "1-5" ? 1 : 2
                Layout.fillWidth: true
                Accessible.name: qsTr("Grades")
            }
            TextField {
                id: ownScale
                visible: scale.currentIndex === 2
                text: scale.currentIndex === 2 && page.editing ? page.plan.scale : ""
                placeholderText: qsTr("Best first, separated by commas: Complete, On track, At risk")
                Layout.fillWidth: true
                Accessible.name: qsTr("The plan's grades, best first")
            }
            FieldLabel { text: qsTr("Shout-outs the support rotation plans per week (0 for none)") }
            SpinBox {
                id: shoutOuts
                from: 0
                to: 100
                editable: true
                value: page.plan.shoutOutsPerWeek || 0
                Accessible.name: qsTr("Shout-outs planned per week")
            }

            Label {
                textFormat: Text.PlainText
                text: qsTr("Reminders")
                font.weight: Font.DemiBold
                Layout.topMargin: 8
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Worked out on this device; nothing is sent anywhere, and a reminder never shows your words.")
                wrapMode: Text.WordWrap
                opacity: 0.75
                font.pixelSize: TextScale.small
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                Switch {
                    id: checkInReminder
                    text: qsTr("Daily check-in at")
                    checked: !page.editing || (page.plan.checkInReminder || "").length > 0
                    Accessible.name: qsTr("Remind me of the daily check-in")
                }
                TextField {
                    id: checkInTime
                    enabled: checkInReminder.checked
                    text: (page.plan.checkInReminder || "").length > 0 ? page.plan.checkInReminder : "16:30"
                    inputMask: "99:99"
                    Layout.preferredWidth: 80
                    Accessible.name: qsTr("Time of the check-in reminder")
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Label { textFormat: Text.PlainText; text: qsTr("Weekly 1:1 on"); height: oneOnOneDay.height; verticalAlignment: Text.AlignVCenter }
                ComboBox {
                    id: oneOnOneDay
                    model: [qsTr("No 1:1"), qsTr("Monday"), qsTr("Tuesday"), qsTr("Wednesday"), qsTr("Thursday"), qsTr("Friday")]
                    currentIndex: Math.min(5, page.plan.oneOnOneDay || 0)
                    Accessible.name: qsTr("Day of the weekly 1:1")
                }
                TextField {
                    id: oneOnOneTime
                    enabled: oneOnOneDay.currentIndex > 0
                    text: (page.plan.oneOnOneTime || "").length > 0 ? page.plan.oneOnOneTime : "10:00"
                    inputMask: "99:99"
                    width: 80
                    Accessible.name: qsTr("Time of the weekly 1:1")
                }
            }
            Switch {
                id: endReminder
                text: qsTr("Before the plan ends")
                checked: page.plan.endReminder !== undefined ? page.plan.endReminder : true
                Accessible.name: qsTr("Remind me before the plan ends")
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("Two working days before the end, and on the day.")
                wrapMode: Text.WordWrap
                opacity: 0.75
                font.pixelSize: TextScale.small
                Layout.fillWidth: true
                Layout.topMargin: -8
            }

            FieldLabel { visible: !page.editing; text: qsTr("The PIP document (PDF or screenshot), kept byte for byte") }
            RowLayout {
                visible: !page.editing
                Layout.fillWidth: true
                Label {
                    textFormat: Text.PlainText
                    text: page.documents.length > 0 ? page.documents.map((u) => decodeURIComponent(u.toString().split("/").pop())).join(", ")
                                                    : qsTr("None attached")
                    elide: Text.ElideMiddle
                    opacity: page.documents.length > 0 ? 1 : 0.6
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Attach\u2026")
                    Accessible.name: qsTr("Attach the PIP document")
                    onClicked: documentDialog.open()
                }
            }
            Button {
                text: page.editing ? qsTr("Save the plan") : qsTr("Start the plan")
                highlighted: true
                Layout.fillWidth: true
                Layout.topMargin: 8
                Accessible.name: text
                onClicked: page.save()
            }
        }
    }

    FileDialog {
        id: documentDialog
        title: qsTr("The PIP document")
        fileMode: FileDialog.OpenFiles
        onAccepted: page.documents = page.documents.concat(selectedFiles)
    }
}

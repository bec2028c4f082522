import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// The daily check-in on one screen, under a minute: for each goal the manager's grade (a tap on
// the plan's scale, or their own words), their comment, a screenshot of it and a note of one's
// own; then the seeds' question "If the PIP ended today, would I have a job tomorrow?" with the
// answer in their words. "The meeting did not happen" records a cancelled or refused check-in.
Page {
    id: page
    objectName: "checkInPage"
    required property PipController pip
    property string day: pip.today
    signal done()

    property var form: ({})
    property bool held: true
    property string jobTomorrow: ""

    function load() {
        form = pip.checkInFor(day)
        held = (form.didNotHappen || "").length === 0
        jobTomorrow = form.jobTomorrow || ""
        words.text = form.words || ""
        note.text = form.note || ""
        reason.currentIndex = Math.max(0, reason.reasons.indexOf(form.didNotHappen || "cancelled"))
        goalList.model = pip.goals
    }
    Component.onCompleted: load()
    onDayChanged: load()

    function save() {
        const grades = {}
        for (let i = 0; i < goalList.count; ++i) {
            const item = goalList.itemAt(i)
            grades[item.goalId] = { grade: item.grade, comment: item.comment, note: item.note, screenshot: item.screenshot }
        }
        const saved = pip.saveCheckIn({
            date: page.day,
            didNotHappen: page.held ? "" : reason.reasons[reason.currentIndex],
            jobTomorrow: page.jobTomorrow,
            words: words.text,
            note: note.text,
            grades: grades
        })
        if (saved)
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
                text: qsTr("Check-in")
                font.pixelSize: TextScale.heading
                Layout.fillWidth: true
            }
            ToolButton {
                text: qsTr("Save")
                Accessible.name: qsTr("Save the check-in now")
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
            spacing: 12

            Label {
                textFormat: Text.PlainText
                visible: page.pip.errorMessage.length > 0
                text: page.pip.errorMessage
                color: Material.color(Material.Red)
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                DayField {
                    day: page.day
                    label: qsTr("Day of the check-in")
                    onPicked: (d) => page.day = d
                }
                Label {
                    textFormat: Text.PlainText
                    visible: page.form.exists === true
                    text: qsTr("(changing it keeps the history)")
                    opacity: 0.7
                    font.pixelSize: TextScale.small
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                }
            }
            Switch {
                id: heldSwitch
                text: qsTr("The check-in happened")
                checked: page.held
                onToggled: page.held = checked
                Accessible.name: text
            }
            // Not held: why, in a word, and what was said about it.
            ColumnLayout {
                visible: !page.held
                Layout.fillWidth: true
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Write down every time the manager cancels or refuses to meet: it is part of the record.")
                    wrapMode: Text.WordWrap
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                ComboBox {
                    id: reason
                    readonly property var reasons: ["cancelled", "refused", "no-show", "other"]
                    model: [qsTr("Cancelled by the manager"), qsTr("The manager refused to meet"),
                            qsTr("The manager did not come"), qsTr("Other")]
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Why it did not happen")
                }
            }

            Repeater {
                id: goalList
                delegate: Pane {
                    id: goalPane
                    required property var modelData
                    readonly property string goalId: modelData.id
                    readonly property var saved: (page.form.grades || {})[modelData.id] || {}
                    property string grade: saved.grade || ""
                    property string comment: saved.comment || ""
                    property string note: saved.note || ""
                    property string screenshot: saved.screenshot || ""
                    property string screenshotTitle: saved.screenshotTitle || ""
                    visible: page.held
                    Layout.fillWidth: true
                    Material.elevation: 1
                    padding: 12
                    Accessible.role: Accessible.Grouping
                    Accessible.name: qsTr("Goal %1").arg(modelData.number)

                    ColumnLayout {
                        width: parent.width
                        spacing: 6
                        Label {
                            textFormat: Text.PlainText
                            text: goalPane.modelData.number + ". " + goalPane.modelData.text
                            font.weight: Font.DemiBold
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 6
                            Repeater {
                                model: page.pip.plan.grades || []
                                delegate: Button {
                                    required property string modelData
                                    text: modelData
                                    checkable: true
                                    checked: goalPane.grade.toLowerCase() === modelData.toLowerCase()
                                    highlighted: checked
                                    Accessible.name: qsTr("Goal %1: %2").arg(goalPane.modelData.number).arg(modelData)
                                    onClicked: goalPane.grade = checked ? modelData : ""
                                }
                            }
                        }
                        TextField {
                            // A grade in the manager's own words, when it is not on the scale.
                            readonly property bool onScale: (page.pip.plan.grades || []).some((g) => g.toLowerCase() === goalPane.grade.toLowerCase())
                            text: onScale ? "" : goalPane.grade
                            placeholderText: qsTr("Or the grade in their words")
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Goal %1: grade in the manager's words").arg(goalPane.modelData.number)
                            onTextEdited: goalPane.grade = text
                        }
                        TextField {
                            text: goalPane.comment
                            placeholderText: qsTr("The manager's comment")
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Goal %1: the manager's comment").arg(goalPane.modelData.number)
                            onTextEdited: goalPane.comment = text
                        }
                        TextField {
                            text: goalPane.note
                            placeholderText: qsTr("My note")
                            Layout.fillWidth: true
                            Accessible.name: qsTr("Goal %1: my note").arg(goalPane.modelData.number)
                            onTextEdited: goalPane.note = text
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                textFormat: Text.PlainText
                                text: goalPane.screenshot.length > 0 ? "\u25A3 " + (goalPane.screenshotTitle || qsTr("Screenshot kept"))
                                                                     : qsTr("No screenshot")
                                opacity: goalPane.screenshot.length > 0 ? 1 : 0.6
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Button {
                                flat: true
                                text: qsTr("Screenshot\u2026")
                                Accessible.name: qsTr("Goal %1: attach the screenshot of the grade").arg(goalPane.modelData.number)
                                onClicked: { shotDialog.target = goalPane; shotDialog.open() }
                            }
                            Button {
                                flat: true
                                text: qsTr("Paste")
                                Accessible.name: qsTr("Goal %1: paste the screenshot of the grade").arg(goalPane.modelData.number)
                                onClicked: {
                                    const id = page.pip.pasteScreenshot(page.day)
                                    if (id.length > 0) {
                                        goalPane.screenshot = id
                                        goalPane.screenshotTitle = qsTr("Pasted screenshot")
                                    }
                                }
                            }
                        }
                    }
                }
            }

            // The seeds' question, every check-in.
            Label {
                visible: page.held
                textFormat: Text.PlainText
                text: qsTr("If the PIP ended today, would I have a job tomorrow?")
                font.weight: Font.DemiBold
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Flow {
                visible: page.held
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: [{ value: "yes", text: qsTr("Yes") }, { value: "no", text: qsTr("No") },
                            { value: "unsure", text: qsTr("Would not say") }]
                    delegate: Button {
                        required property var modelData
                        text: modelData.text
                        checkable: true
                        checked: page.jobTomorrow === modelData.value
                        highlighted: checked
                        Accessible.name: qsTr("Job tomorrow: %1").arg(modelData.text)
                        onClicked: page.jobTomorrow = checked ? modelData.value : ""
                    }
                }
            }
            TextField {
                id: words
                visible: page.held
                placeholderText: qsTr("Their answer, word for word")
                Layout.fillWidth: true
                Accessible.name: qsTr("The manager's answer, word for word")
            }
            FieldLabel { text: page.held ? qsTr("Notes") : qsTr("What was said") }
            FormTextArea {
                id: note
                placeholderText: qsTr("Anything else said, as close to word for word as you can")
                Layout.fillWidth: true
                Layout.minimumHeight: 80
                Accessible.name: qsTr("Notes")
            }
            Button {
                text: qsTr("Save check-in")
                highlighted: true
                Layout.fillWidth: true
                Accessible.name: text
                onClicked: page.save()
            }
        }
    }

    FileDialog {
        id: shotDialog
        property Item target: null
        title: qsTr("The screenshot of the grade")
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp)")]
        onAccepted: {
            const id = page.pip.importScreenshot(selectedFile, page.day)
            if (id.length > 0 && target) {
                target.screenshot = id
                target.screenshotTitle = qsTr("Screenshot kept")
            }
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import PaperTrail

// The written response to the PIP, as the seeds advise: for each problem area the steps taken,
// the results, what is still unclear and the question to ask; then, briefly, the claims that are
// wrong with the facts and the records that show them. Below, the draft as it reads, to copy into
// an email or save as text.
Page {
    id: page
    objectName: "rebuttalPage"
    required property PipController pip
    signal done()
    signal entryOpened(string id)

    // A point for each of the plan's areas (written or not), then the corrections.
    readonly property var areaPoints: {
        const points = pip.rebuttalPoints.filter((p) => p.claim.length === 0)
        const list = (pip.plan.areaList || []).map((area) => points.find((p) => p.area === area) || { id: "", area: area, steps: "", results: "", unclear: "", question: "", claim: "", facts: "", evidence: [] })
        return list.concat(points.filter((p) => (pip.plan.areaList || []).indexOf(p.area) < 0))
    }
    readonly property var claims: pip.rebuttalPoints.filter((p) => p.claim.length > 0)

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            ToolButton {
                text: "\u2190"
                font.pixelSize: TextScale.title
                Accessible.name: qsTr("Back")
                onClicked: page.done()
            }
            Label {
                textFormat: Text.PlainText
                text: qsTr("My response to the PIP")
                font.pixelSize: TextScale.heading
                elide: Text.ElideRight
                Layout.fillWidth: true
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
                text: qsTr("Answer the plan's problem areas, not each complaint: what you did, what came of it, and what you still need to know. Keep it calm and factual; correct wrong claims briefly, with the records.")
                wrapMode: Text.WordWrap
                opacity: 0.8
                Layout.fillWidth: true
            }
            Label {
                textFormat: Text.PlainText
                visible: text.length > 0
                text: page.pip.errorMessage.length > 0 ? page.pip.errorMessage : page.pip.statusMessage
                color: page.pip.errorMessage.length > 0 ? Material.color(Material.Red) : Material.foreground
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            Repeater {
                model: page.areaPoints
                delegate: PipSection {
                    id: areaCard
                    required property var modelData
                    title: modelData.area
                    subtitle: modelData.id.length === 0 ? qsTr("Not written yet") : ""
                    Label {
                        textFormat: Text.PlainText
                        visible: areaCard.modelData.id.length > 0
                        text: [areaCard.modelData.steps, areaCard.modelData.results].filter((t) => t.length > 0).join("\n\n")
                        wrapMode: Text.WordWrap
                        maximumLineCount: 6
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        textFormat: Text.PlainText
                        visible: areaCard.modelData.evidence.length > 0
                        text: areaCard.modelData.evidence.length === 1 ? qsTr("1 record linked")
                                                                      : qsTr("%1 records linked").arg(areaCard.modelData.evidence.length)
                        opacity: 0.7
                        font.pixelSize: TextScale.small
                    }
                    Button {
                        text: areaCard.modelData.id.length > 0 ? qsTr("Edit") : qsTr("Write")
                        Accessible.name: qsTr("Write the response on %1").arg(areaCard.modelData.area)
                        onClicked: pointDialog.openFor(areaCard.modelData)
                    }
                }
            }
            PipSection {
                title: qsTr("Claims to correct")
                subtitle: page.claims.length === 0 ? qsTr("A statement in the PIP that is wrong, with the facts and the records that show them.") : ""
                Repeater {
                    model: page.claims
                    delegate: ItemDelegate {
                        required property var modelData
                        Layout.fillWidth: true
                        text: "\u201C" + modelData.claim + "\u201D"
                        Accessible.name: qsTr("Edit the correction of: %1").arg(modelData.claim)
                        onClicked: pointDialog.openFor(modelData)
                        contentItem: Label {
                            textFormat: Text.PlainText
                            text: parent.text
                            wrapMode: Text.WordWrap
                            maximumLineCount: 3
                            elide: Text.ElideRight
                        }
                    }
                }
                Button {
                    text: qsTr("Correct a claim\u2026")
                    Accessible.name: qsTr("Correct a claim of the PIP")
                    onClicked: pointDialog.openFor({ id: "", area: "", steps: "", results: "", unclear: "", question: "", claim: " ", facts: "", evidence: [] })
                }
            }
            PipSection {
                title: qsTr("The draft")
                subtitle: qsTr("Read it through and change what you want before sending it from your own email.")
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Subject: %1").arg(page.pip.rebuttalSubject)
                    font.weight: Font.DemiBold
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                TextArea {
                    readOnly: true
                    textFormat: TextEdit.PlainText
                    text: page.pip.rebuttalText
                    wrapMode: TextEdit.Wrap
                    selectByMouse: true
                    Layout.fillWidth: true
                    Accessible.name: qsTr("The draft response")
                    background: null
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 8
                    Button {
                        text: qsTr("Copy")
                        highlighted: true
                        Accessible.name: qsTr("Copy the draft response")
                        onClicked: page.pip.copyRebuttal()
                    }
                    Button {
                        text: qsTr("Save as text\u2026")
                        Accessible.name: qsTr("Save the draft response as a text file")
                        onClicked: saveDialog.open()
                    }
                }
            }
        }
    }

    RebuttalPointDialog {
        id: pointDialog
        pip: page.pip
    }

    FileDialog {
        id: saveDialog
        title: qsTr("Save the draft response")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "txt"
        nameFilters: [qsTr("Text (*.txt)")]
        onAccepted: page.pip.saveRebuttalAs(selectedFile)
    }
}

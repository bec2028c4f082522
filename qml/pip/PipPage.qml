import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import PaperTrail

// The PIP tab: the plan and its countdown, today's check-in one tap away, the grade grid with a
// trend per goal and the job-tomorrow strip, shout-outs to forward, the response, meetings and
// incidents, people, the dates and the end. Usable with one thumb: every action is a button in
// the column, the check-in at the top.
Page {
    id: page
    objectName: "pipPage"
    required property PipController pip
    readonly property string today: pip.today
    signal checkInRequested(string day)
    signal setupRequested(bool editing)
    signal rebuttalRequested()
    signal captureRequested(string kind, var fields)
    signal entryOpened(string id)

    readonly property var status: pip.status
    readonly property var plan: pip.plan
    readonly property var thisWeek: pip.shoutOutWeeks.length > 0 ? pip.shoutOutWeeks[pip.shoutOutWeeks.length - 1] : null

    function day(iso) { return iso && iso.length > 0 ? Qt.formatDate(new Date(iso + "T00:00:00"), "ddd d MMM yyyy") : "" }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 96 // room above the capture button
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: 12
            y: 12
            width: flick.width - 24
            spacing: 12

            Label {
                textFormat: Text.PlainText
                visible: text.length > 0
                text: page.pip.errorMessage.length > 0 ? page.pip.errorMessage : page.pip.statusMessage
                color: page.pip.errorMessage.length > 0 ? Material.color(Material.Red) : Material.foreground
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }

            // No plan yet: what to do first, and the setup.
            PipSection {
                visible: !page.pip.hasPlan
                title: qsTr("Just been handed a PIP?")
                subtitle: qsTr("Set it up here in a few minutes, then spend a minute a day keeping it current. Everything is evidence in your encrypted journal.")
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("\u2022 Copy its goals as they are worded, and attach the document.\n\u2022 At the delivery meeting ask how each goal is measured and who decides.\n\u2022 Every day: the manager's grade for each goal, with a screenshot.\n\u2022 Ask: \u201CIf the PIP ended today, would I have a job tomorrow?\u201D\n\u2022 Write down every meeting that is cancelled or refused.")
                    wrapMode: Text.WordWrap
                    Layout.fillWidth: true
                }
                Button {
                    text: qsTr("Set up the plan")
                    highlighted: true
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Set up the plan")
                    onClicked: page.setupRequested(false)
                }
                Button {
                    text: qsTr("Record an incident")
                    flat: true
                    Accessible.name: qsTr("Record an incident")
                    onClicked: page.captureRequested("incident", {})
                }
            }

            // The countdown and today's check-in.
            PipSection {
                visible: page.pip.hasPlan
                title: page.plan.title || ""
                subtitle: page.status.result
                          ? qsTr("Ended: %1").arg(page.status.result)
                          : !page.status.started ? qsTr("Starts %1").arg(page.day(page.plan.start))
                          : page.status.ended ? qsTr("Ended %1").arg(page.day(page.plan.effectiveEnd))
                          : qsTr("Ends %1").arg(page.day(page.plan.effectiveEnd))
                            + (page.status.extendedBy === 1 ? qsTr(" (extended by 1 working day)")
                               : page.status.extendedBy > 1 ? qsTr(" (extended by %1 working days)").arg(page.status.extendedBy) : "")
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 16
                    Label {
                        textFormat: Text.PlainText
                        text: page.status.daysLeft !== undefined ? page.status.daysLeft : ""
                        font.pixelSize: TextScale.display
                        font.weight: Font.DemiBold
                        Accessible.name: qsTr("%1 working days left").arg(text)
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("working days left\nday %1 of %2").arg(page.status.dayNumber).arg(page.status.daysTotal)
                        opacity: 0.8
                        Layout.fillWidth: true
                    }
                }
                Label {
                    textFormat: Text.PlainText
                    text: qsTr("Check-ins: %1 held, %2 did not happen").arg(page.status.held).arg(page.status.notHeld)
                          + (page.status.lastJobTomorrow ? qsTr(" \u00B7 job tomorrow, last asked: %1").arg(GradeColors.jobText(page.status.lastJobTomorrow)) : "")
                    wrapMode: Text.WordWrap
                    font.pixelSize: TextScale.small
                    Layout.fillWidth: true
                }
                Label {
                    // When the next reminder comes (they are set with the plan), or why they cannot.
                    readonly property var reminders: page.pip.reminders
                    textFormat: Text.PlainText
                    visible: text.length > 0
                    text: reminders.unavailableReason.length > 0 ? reminders.unavailableReason
                          : reminders.nextText.length > 0 ? qsTr("Next reminder: %1, %2").arg(Qt.formatDateTime(reminders.nextAt, "ddd HH:mm")).arg(reminders.nextText)
                          : ""
                    wrapMode: Text.WordWrap
                    font.pixelSize: TextScale.small
                    opacity: 0.7
                    Layout.fillWidth: true
                }
                Button {
                    text: page.status.checkedInToday ? qsTr("Today's check-in \u2713 (edit)") : qsTr("Today's check-in")
                    highlighted: !page.status.checkedInToday
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Today's check-in")
                    onClicked: page.checkInRequested(page.pip.today)
                }
            }

            PipSection {
                objectName: "pipGrades"
                visible: page.pip.hasPlan && page.pip.goals.length > 0
                title: qsTr("Grades")
                subtitle: qsTr("Tap a day to open its check-in.")
                GradeGrid {
                    goals: page.pip.goals
                    days: page.pip.days
                    Layout.fillWidth: true
                    onDayChosen: (d) => page.checkInRequested(d)
                }
            }

            PipSection {
                visible: page.pip.hasPlan
                title: qsTr("Goals")
                Repeater {
                    model: page.pip.goals
                    delegate: ItemDelegate {
                        id: goalRow
                        required property var modelData
                        Layout.fillWidth: true
                        padding: 4
                        Accessible.name: qsTr("Goal %1: %2").arg(modelData.number).arg(modelData.text)
                        onClicked: goalDialog.openFor(modelData)
                        contentItem: GoalTrend { goal: goalRow.modelData }
                    }
                }
                Button {
                    text: qsTr("Add a goal")
                    flat: true
                    Accessible.name: qsTr("Add a goal")
                    onClicked: goalDialog.openFor({})
                }
            }

            PipSection {
                objectName: "pipShoutOuts"
                visible: page.pip.hasPlan
                title: qsTr("Shout-outs")
                subtitle: page.thisWeek
                          ? (page.thisWeek.planned > 0 ? qsTr("This week: %1 of %2 planned").arg(page.thisWeek.count).arg(page.thisWeek.planned)
                                                       : qsTr("This week: %1").arg(page.thisWeek.count))
                          : ""
                Button {
                    text: qsTr("Add a shout-out")
                    Accessible.name: qsTr("Add a shout-out")
                    onClicked: shoutOutDialog.open()
                }
                Repeater {
                    model: page.pip.shoutOuts.slice(0, 20)
                    delegate: RowLayout {
                        id: shoutRow
                        required property var modelData
                        Layout.fillWidth: true
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                textFormat: Text.PlainText
                                text: shoutRow.modelData.from + (shoutRow.modelData.where ? " \u00B7 " + shoutRow.modelData.where : "")
                                font.weight: Font.DemiBold
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                textFormat: Text.PlainText
                                text: shoutRow.modelData.when.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
                                      + (shoutRow.modelData.forwarded ? qsTr(" \u00B7 forwarded \u2713") : qsTr(" \u00B7 not forwarded yet"))
                                font.pixelSize: TextScale.small
                                opacity: 0.7
                            }
                        }
                        Button {
                            flat: true
                            text: qsTr("Forward")
                            Accessible.name: qsTr("Forward the shout-out from %1 to the manager").arg(shoutRow.modelData.from)
                            onClicked: {
                                Qt.openUrlExternally(page.pip.forwardShoutOut(shoutRow.modelData.id))
                                if (!shoutRow.modelData.forwarded)
                                    page.pip.markForwarded(shoutRow.modelData.id)
                            }
                        }
                    }
                }
            }

            PipSection {
                visible: page.pip.hasPlan
                title: qsTr("My response")
                subtitle: page.pip.rebuttalPoints.length > 0
                          ? (page.pip.rebuttalPoints.length === 1 ? qsTr("1 point written")
                                                                 : qsTr("%1 points written").arg(page.pip.rebuttalPoints.length))
                          : qsTr("Answer each problem area: steps, results, what is unclear; then correct wrong claims, with records.")
                Button {
                    text: qsTr("Open the response")
                    Accessible.name: qsTr("Open my response to the PIP")
                    onClicked: page.rebuttalRequested()
                }
            }

            PipSection {
                title: qsTr("Meetings and incidents")
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    Button {
                        visible: page.pip.hasPlan
                        text: qsTr("PIP delivery meeting")
                        Accessible.name: qsTr("Notes of the PIP delivery meeting")
                        onClicked: page.captureRequested("meeting", { plan: page.plan.id, meeting_type: "pip-delivery" })
                    }
                    Button {
                        visible: page.pip.hasPlan
                        text: qsTr("1:1")
                        Accessible.name: qsTr("Notes of a 1:1")
                        onClicked: page.captureRequested("meeting", { plan: page.plan.id, meeting_type: "one-on-one" })
                    }
                    Button {
                        text: qsTr("Incident")
                        Accessible.name: qsTr("Record an incident")
                        onClicked: page.captureRequested("incident", page.pip.hasPlan ? { plan: page.plan.id } : {})
                    }
                }
                Repeater {
                    model: page.pip.meetings.concat(page.pip.incidents).sort((a, b) => b.when - a.when).slice(0, 20)
                    delegate: ItemDelegate {
                        required property var modelData
                        Layout.fillWidth: true
                        padding: 4
                        Accessible.name: modelData.title
                        onClicked: page.entryOpened(modelData.id)
                        contentItem: RowLayout {
                            KindBadge { kind: modelData.kind; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
                            Label {
                                textFormat: Text.PlainText
                                text: modelData.title + "  \u00B7  " + modelData.when.toLocaleDateString(Qt.locale(), Locale.ShortFormat)
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }

            PipSection {
                visible: page.pip.people.length > 0
                title: qsTr("People")
                subtitle: qsTr("Everyone your entries name; tap one for what they were part of.")
                Flow {
                    id: peopleFlow
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        model: page.pip.people.slice(0, 100)
                        delegate: Button {
                            required property var modelData
                            width: Math.min(implicitWidth, peopleFlow.width)
                            flat: true
                            text: modelData.name + " (" + modelData.count + ")"
                            Accessible.name: qsTr("Entries naming %1").arg(modelData.name)
                            onClicked: personDialog.openFor(modelData.name)
                        }
                    }
                }
            }

            PipSection {
                visible: page.pip.hasPlan
                title: qsTr("Dates")
                subtitle: qsTr("%1 to %2").arg(page.day(page.plan.start)).arg(page.day(page.plan.effectiveEnd))
                Repeater {
                    model: page.pip.extensions
                    delegate: Label {
                        required property var modelData
                        textFormat: Text.PlainText
                        text: modelData.days === 1
                              ? qsTr("Extended on %1 by 1 working day: %2").arg(page.day(modelData.day)).arg(modelData.reason)
                              : qsTr("Extended on %1 by %2 working days: %3").arg(page.day(modelData.day)).arg(modelData.days).arg(modelData.reason)
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 6
                    Button {
                        text: qsTr("Extend\u2026")
                        Accessible.name: qsTr("Extend the plan")
                        onClicked: extendDialog.open()
                    }
                    Button {
                        text: qsTr("Edit the plan")
                        flat: true
                        Accessible.name: qsTr("Edit the plan")
                        onClicked: page.setupRequested(true)
                    }
                }
            }

            PipSection {
                visible: page.pip.hasPlan
                title: qsTr("The end")
                subtitle: page.pip.outcome ? qsTr("Outcome: %1").arg(page.pip.outcome)
                                           : qsTr("When it ends, write down the outcome and what was said, word for word.")
                RowLayout {
                    visible: !page.pip.outcome
                    Layout.fillWidth: true
                    ComboBox {
                        id: outcome
                        readonly property var results: ["passed", "extended", "failed", "resigned", "severance"]
                        model: [qsTr("Passed"), qsTr("Extended"), qsTr("Failed"), qsTr("Resigned"), qsTr("Severance")]
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Outcome")
                    }
                    Button {
                        text: qsTr("Record")
                        Accessible.name: qsTr("Record the outcome")
                        onClicked: page.pip.recordOutcome(outcome.results[outcome.currentIndex], outcomeWords.text)
                    }
                }
                TextField {
                    id: outcomeWords
                    visible: !page.pip.outcome
                    placeholderText: qsTr("What was said, word for word")
                    Layout.fillWidth: true
                    Accessible.name: qsTr("What was said about the outcome")
                }
                Label {
                    textFormat: Text.PlainText
                    visible: page.pip.outcome.length > 0
                    text: qsTr("Tell colleagues what you were told, and note each one: they can witness it later.")
                    wrapMode: Text.WordWrap
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                Repeater {
                    model: page.pip.told
                    delegate: Label {
                        required property var modelData
                        textFormat: Text.PlainText
                        text: "\u2022 " + modelData.person + (modelData.how ? " (" + modelData.how + ")" : "")
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                }
                RowLayout {
                    visible: page.pip.outcome.length > 0
                    Layout.fillWidth: true
                    TextField { id: toldWho; placeholderText: qsTr("Who"); Layout.fillWidth: true; Accessible.name: qsTr("Who was told") }
                    TextField { id: toldHow; placeholderText: qsTr("How"); Layout.preferredWidth: 100; Accessible.name: qsTr("How they were told") }
                    Button {
                        text: qsTr("Add")
                        Accessible.name: qsTr("Add who was told")
                        onClicked: if (page.pip.addTold(toldWho.text, toldHow.text, outcomeWords.text)) { toldWho.text = ""; toldHow.text = "" }
                    }
                }
            }
        }
    }

    GoalDialog { id: goalDialog; pip: page.pip }
    ExtendDialog { id: extendDialog; pip: page.pip }
    ShoutOutDialog { id: shoutOutDialog; pip: page.pip }
    PersonDialog { id: personDialog; pip: page.pip; onEntryChosen: (id) => page.entryOpened(id) }
}

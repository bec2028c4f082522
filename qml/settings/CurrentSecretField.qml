import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What a key change asks for first: the current passphrase, or the recovery key for someone who
// forgot it. An unlocked app alone never changes a key.
ColumnLayout {
    id: field
    property alias text: input.text
    readonly property bool usesRecoveryKey: useRecovery.checked

    function clear() { input.clear(); useRecovery.checked = false }
    function focusInput() { input.forceActiveFocus() }

    TextField {
        id: input
        echoMode: TextInput.Password
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        placeholderText: useRecovery.checked ? qsTr("Recovery key (ptrk1\u2026)") : qsTr("Current passphrase")
        Accessible.name: useRecovery.checked ? qsTr("Recovery key") : qsTr("Current passphrase")
        Layout.fillWidth: true
    }
    CheckBox {
        id: useRecovery
        text: qsTr("I forgot it: use my recovery key")
        Accessible.name: qsTr("Use the recovery key instead of the passphrase")
        onToggled: input.clear()
    }
}

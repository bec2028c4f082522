import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import PaperTrail

ApplicationWindow {
    id: window
    width: 390
    height: 844
    visible: true
    title: qsTr("Paper Trail")
    Material.theme: Material.System
    Material.accent: Material.Teal

    VaultController {
        id: vault
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: pageFor(vault.state)
    }

    function pageFor(state) {
        if (vault.recoveryKey.length > 0)
            return recoveryPage
        switch (state) {
        case VaultController.NoVault: return createPage
        case VaultController.Locked: return unlockPage
        default: return timelinePage
        }
    }

    function show() {
        stack.replace(null, pageFor(vault.state))
    }

    Connections {
        target: vault
        function onStateChanged() { window.show() }
        function onRecoveryKeyChanged() { window.show() }
    }

    Component { id: createPage; CreateVaultPage { controller: vault } }
    Component { id: unlockPage; UnlockPage { controller: vault } }
    Component { id: recoveryPage; RecoveryKeyPage { controller: vault } }
    Component { id: timelinePage; TimelinePage { controller: vault } }
}

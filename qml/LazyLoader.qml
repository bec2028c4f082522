import QtQuick

// Builds its component the first time it is `wanted`, then keeps it (a tab built when first shown).
Loader {
    property bool wanted: false
    active: false
    onWantedChanged: if (wanted) active = true
    Component.onCompleted: if (wanted) active = true
}

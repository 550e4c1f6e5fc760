#pragma once

#include <geolicence/evaluation.h>
#include <geolicence/licence_profile.h>

#include <QString>

namespace geolicence::qgis {

// How a layer stands for an intent, as the dock and the layer tree show it.
enum class LayerStatus { Permitted, PermittedWithWarnings, Prohibited, Unlicensed };

LayerStatus statusOf(const Decision& decision);
QString actionLabel(Action action);

// A duty as one line ("attribution: Bron : …", "delete by 2027-03-31").
QString dutyLine(const Duty& duty);

QString fromString(const std::string& text);

// The finding's message as a QGIS user can act on it: where the engine advises a command-line
// step (binding a licence), the plugin names the place in QGIS instead.
QString findingMessage(const Finding& finding);

} // namespace geolicence::qgis

#pragma once

// Icons and translations are compiled into a static library; a static library's resources
// must be registered by hand (Q_INIT_RESOURCE) before use.
void initGeolicenceResources();

// Simulators of Discord (REST and gateway) and of the Pterodactyl panel (issues 3, 4, 5).

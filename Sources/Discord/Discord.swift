// The Discord module: models, validation, REST client with rate limits, gateway (issues 3 and 4).

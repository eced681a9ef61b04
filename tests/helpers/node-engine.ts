// The Node engine lives with the build scripts, which compute the embed's aggregates with it.
export * from '../../scripts/node-engine';

// Moved to bench/support/ so bench never imports test/ (the image builds without test/); tests keep this path.
export * from '../../bench/support/postgres';

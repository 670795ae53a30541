// Builds the Vite embedding example into www/vite-example/dist/ with relative asset paths.
export default {
  root: import.meta.dirname,
  base: "./",
  logLevel: "warn",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
};

// OpenCC's dictionaries as opencc-js ships them (`opencc-js/dict/<name>`): "from to|from to|…".
declare module "opencc-js/dict/*" {
  const dict: string;
  export default dict;
}

// Browser stand-in for Node built-ins the peers reference but never call in the page (fs in an
// unused example, util behind lodash's feature test).
export default {}

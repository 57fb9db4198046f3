import AES from 'crypto-js/aes';

export default AES;
